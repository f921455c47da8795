from audit.checks import (
    divergence,
    names,
    numbers,
    quotes,
    script,
)
