-- reserved for a later release

/* intentionally empty */
