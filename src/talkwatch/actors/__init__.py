"""Actors: the knowledge base of who is who, and resolution of speaker mentions."""

from .knowledge import (
    Actor,
    ActorFileError,
    KnowledgeBase,
    Role,
    fold,
    load_knowledge_base,
    read_actor_file,
)
from .resolve import Resolver

__all__ = [
    "Actor",
    "ActorFileError",
    "KnowledgeBase",
    "Resolver",
    "Role",
    "fold",
    "load_knowledge_base",
    "read_actor_file",
]
