from audit.checks import (
    divergence,  # noqa: F401  (D301-D305)
    names,  # noqa: F401  (N201-N205)
    numbers,  # noqa: F401  (N211-N212)
    quotes,  # noqa: F401  (Q1xx)
    script,  # noqa: F401  (N221-N222)
)
