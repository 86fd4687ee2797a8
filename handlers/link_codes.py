"""One-time codes that link an account on one platform to the person known on another.

A code is six digits, shown only to the member who asked (never in a channel others read),
stored as its SHA-256, valid for ``CODE_MINUTES`` and used once; asking again replaces the
member's earlier code. A member who types ``MAX_WRONG`` wrong codes within ``CODE_MINUTES``
gets no more tries until that time has passed, so six digits cannot be guessed in time.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import AccountLinkCode, AuditEntry, Member

CODE_MINUTES = 15
MAX_WRONG = 5
WRONG_CODE = "account.code_wrong"  # the audit action of a wrong try
# Digits only: a code, right or wrong (a network is never named by digits alone).
CODE_SHAPE = re.compile(r"(?=.*\d)[\d ]{1,12}")


def looks_like_code(text: str) -> bool:
    return CODE_SHAPE.fullmatch(text.strip()) is not None


def _hash(code: str) -> str:
    return hashlib.sha256(code.replace(" ", "").encode()).hexdigest()


def _active(
    session: Session, code_hash: str, now: datetime, *, lock: bool = False
) -> AccountLinkCode | None:
    stmt = (
        select(AccountLinkCode)
        .where(
            AccountLinkCode.code_hash == code_hash,
            AccountLinkCode.used_at.is_(None),
            AccountLinkCode.expires_at > now,
        )
        .order_by(AccountLinkCode.id.desc())
        .limit(1)
    )
    if lock:  # PostgreSQL: a second redeemer waits, then finds the code used
        stmt = stmt.with_for_update()
    return session.scalar(stmt)


def new_code(session: Session, member: Member, platform: str, now: datetime) -> str:
    """A fresh code for ``member``, asked on ``platform``; their earlier ones stop working."""
    session.execute(
        update(AccountLinkCode)
        .where(AccountLinkCode.member_id == member.id, AccountLinkCode.used_at.is_(None))
        .values(used_at=now)
    )
    while True:
        code = f"{secrets.randbelow(10**6):06d}"
        if _active(session, _hash(code), now) is None:  # two live codes are never alike
            break
    session.add(
        AccountLinkCode(
            member_id=member.id,
            code_hash=_hash(code),
            platform=platform,
            expires_at=now + timedelta(minutes=CODE_MINUTES),
            created_at=now,
        )
    )
    session.flush()
    return code


def find_code(session: Session, code: str, now: datetime) -> AccountLinkCode | None:
    """The live code typed (unused, not expired), or None; locked until the command ends,
    so that two who type it at once cannot both use it."""
    return _active(session, _hash(code), now, lock=True)


def too_many_wrong(session: Session, member: Member, now: datetime) -> bool:
    since = now - timedelta(minutes=CODE_MINUTES)
    wrong = session.scalar(
        select(func.count(AuditEntry.id)).where(
            AuditEntry.member_id == member.id,
            AuditEntry.action == WRONG_CODE,
            AuditEntry.at > since,
        )
    )
    return (wrong or 0) >= MAX_WRONG
