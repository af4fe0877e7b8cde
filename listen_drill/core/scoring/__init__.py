"""The heuristic scorer: explainable feedback on a reply to a customer's statement."""

from listen_drill.core.scoring.freshness import check_compiled_scorer

check_compiled_scorer()

from listen_drill.core.scoring.scorer import Scorer, default_scorer  # noqa: E402

__all__ = ["Scorer", "default_scorer"]
