"""Welch's two-sample t-test with its confidence interval, in plain Python, from samples or
from what SQL aggregates give (a count, a sum and a sum of squares)."""

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Comparison:
    """Difference of two means (a - b) with a 95 % confidence interval and a p-value."""

    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    df: float


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        step = d * c
        h *= step
        if abs(step - 1.0) < 1e-14:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b)
        - math.lgamma(a)
        - math.lgamma(b)
        + a * math.log(x)
        + b * math.log(1.0 - x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_two_sided_p(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with df degrees of freedom."""
    return _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))


def t_quantile_975(df: float) -> float:
    """The t value with 2.5 % in each tail, found by bisection."""
    low, high = 0.0, 1000.0
    for _ in range(200):
        mid = (low + high) / 2
        if mid in (low, high):  # the two ends are neighbouring floats: nothing moves any more
            break
        if t_two_sided_p(mid, df) > 0.05:
            low = mid
        else:
            high = mid
    return (low + high) / 2


@dataclass(frozen=True, slots=True)
class Sample:
    """A sample as SQL sums it up: its size, the sum of its values and of their squares."""

    n: int
    total: float
    squares: float

    @classmethod
    def of(cls, values: Sequence[float]) -> "Sample":
        """The summary of these values."""
        return cls(len(values), sum(values), sum(v * v for v in values))

    @property
    def mean(self) -> float:
        """The mean (0 for an empty sample)."""
        return self.total / self.n if self.n else 0.0

    @property
    def variance(self) -> float:
        """The sample variance (n - 1 in the denominator); 0 below two values. Whole-number
        sums stay exact until the one division."""
        if self.n < 2:
            return 0.0
        spread = self.n * self.squares - self.total * self.total
        return max(spread, 0) / (self.n * (self.n - 1))


@dataclass(frozen=True, slots=True)
class Ratios:
    """A ratio of sums, Σx / Σy, over clusters (validations) each giving one (x, y): their
    count and the sums SQL gives (Σx, Σy, Σx², Σy², Σxy). Findings within a validation are
    not independent, so the variance is the ratio estimator's over validations (the delta
    method), not a binomial one over findings."""

    n: int
    x: float
    y: float
    xx: float
    yy: float
    xy: float

    @property
    def ratio(self) -> float:
        """Σx / Σy (0 when Σy is 0)."""
        return self.x / self.y if self.y else 0.0

    @property
    def variance(self) -> float:
        """The ratio's estimated variance; 0 below two clusters."""
        if self.n < 2 or not self.y:
            return 0.0
        r, mean_y = self.ratio, self.y / self.n
        spread = (self.xx - 2 * r * self.xy + r * r * self.yy) / (self.n - 1)
        return max(spread, 0.0) / (self.n * mean_y * mean_y)


_Z975 = 1.959963984540054  # the normal quantile with 2.5 % in each tail


def ratio_interval(ratios: Ratios) -> tuple[float, float] | None:
    """The ratio's 95 % confidence interval (normal), kept within 0 and 1 as a rate is;
    None below two clusters."""
    if ratios.n < 2 or not ratios.y:
        return None
    margin = _Z975 * math.sqrt(ratios.variance)
    return max(ratios.ratio - margin, 0.0), min(ratios.ratio + margin, 1.0)


def compare_ratios(a: Ratios, b: Ratios) -> Comparison | None:
    """a's ratio against b's (a - b), with a 95 % interval and a two-sided p-value (normal);
    None when either has fewer than two clusters or neither varies."""
    if a.n < 2 or b.n < 2 or not a.y or not b.y:
        return None
    se = math.sqrt(a.variance + b.variance)
    if se == 0:
        return None
    difference = a.ratio - b.ratio
    p = math.erfc(abs(difference / se) / math.sqrt(2))
    return Comparison(difference, difference - _Z975 * se, difference + _Z975 * se, p, math.inf)


def mean_interval(sample: Sample) -> tuple[float, float] | None:
    """The 95 % confidence interval of the sample's mean (Student's t); None below two values."""
    if sample.n < 2:
        return None
    margin = t_quantile_975(sample.n - 1) * math.sqrt(sample.variance / sample.n)
    return sample.mean - margin, sample.mean + margin


def welch(a: Sequence[float], b: Sequence[float]) -> Comparison | None:
    """Compare the means of a and b; None when either has fewer than two values or no spread."""
    return welch_samples(Sample.of(a), Sample.of(b))


def welch_samples(a: Sample, b: Sample) -> Comparison | None:
    """Welch's test of a's mean against b's from their summaries (None as welch says)."""
    if a.n < 2 or b.n < 2:
        return None
    se_a, se_b = a.variance / a.n, b.variance / b.n
    se = math.sqrt(se_a + se_b)
    if se == 0:
        return None
    df = (se_a + se_b) ** 2 / (
        (se_a**2 / (a.n - 1) if se_a else 0.0) + (se_b**2 / (b.n - 1) if se_b else 0.0)
    )
    difference = a.mean - b.mean
    margin = t_quantile_975(df) * se
    return Comparison(
        difference, difference - margin, difference + margin, t_two_sided_p(difference / se, df), df
    )
