from audit.checks import quotes  # noqa: F401  (Q1xx)
from audit.checks import names  # noqa: F401  (N201-N205)
