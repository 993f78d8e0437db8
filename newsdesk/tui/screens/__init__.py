"""Full screens: the inbox (in three layers) and help."""
