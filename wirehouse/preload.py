"""Imported by the worker pool's fork server (wirehouse.parallel), and by nothing else: loads
the NLP once, there, so that every worker forked from the server starts warm.

Importing this module does the loading. A failure here only costs speed (each worker then
loads the NLP itself, and meets the same error where it can be reported), so it must not stop
the server. The loaded objects are then frozen out of the garbage collector's reach: a
collection in a worker would otherwise touch, and so copy, every page it shares with the server.
"""

from __future__ import annotations

import gc
from contextlib import suppress

from wirehouse.parallel import warm_up

with suppress(Exception):  # the worker's own warm-up meets it again, and reports it
    warm_up()
gc.freeze()
