"""One module per chat platform: each turns platform events into Commands and renders Replies."""
