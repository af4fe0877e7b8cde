"""The heuristic scorer: explainable feedback on a reply to a customer's statement."""

from listen_drill.core.scoring.scorer import Scorer, default_scorer

__all__ = ["Scorer", "default_scorer"]
