"""`python -m listen_drill` behaves exactly like the `listen-drill` command."""

import sys

from listen_drill.cli import main

sys.exit(main())
