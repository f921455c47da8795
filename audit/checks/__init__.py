from audit.checks import (
    divergence,  # D301-D307
    names,  # N201-N205, N231-N233
    numbers,  # N211-N212
    quotes,  # Q1xx
    script,  # N221-N222
)
