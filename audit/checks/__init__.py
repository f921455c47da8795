from audit.checks import quotes  # noqa: F401  (Q1xx)
from audit.checks import names  # noqa: F401  (N201-N205)
from audit.checks import numbers  # noqa: F401  (N211-N212)
from audit.checks import script  # noqa: F401  (N221-N222)
