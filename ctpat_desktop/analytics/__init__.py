"""Dashboard statistics: deficiencies by category, criterion, reason and mode; anomaly flags."""

from ctpat_desktop.analytics.stats import StatsFilter, compute_stats

__all__ = ["StatsFilter", "compute_stats"]
