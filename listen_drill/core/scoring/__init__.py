"""The heuristic scorer: explainable feedback on a reply to a customer's statement."""

from pathlib import Path

from listen_drill.core.freshness import check_compiled_scorer

check_compiled_scorer(Path(__file__).parent)

from listen_drill.core.scoring.scorer import Scorer, default_scorer  # noqa: E402

__all__ = ["Scorer", "default_scorer"]
