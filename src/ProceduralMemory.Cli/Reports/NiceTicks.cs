using System.Globalization;

namespace ProceduralMemory.Cli.Reports;

/// <summary>Axis ranges with ticks on round numbers (1, 2 or 5 times a power of ten) and compact tick labels.</summary>
internal static class NiceTicks
{
    /// <summary>The typographic minus sign, as wide as a digit, unlike the hyphen.</summary>
    public const char Minus = '\u2212';

    private static readonly double[] Mantissas = [1, 2, 5];

    /// <summary>
    /// The smallest 1-2-5 step giving at most <paramref name="maxTicks"/> ticks that cover [min, max];
    /// the range is widened to the outer ticks so the data meets round numbers at the plot edges.
    /// </summary>
    public static TickScale Compute(double min, double max, int maxTicks = 7, bool integerOnly = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
            throw new ArgumentOutOfRangeException(nameof(min), $"Invalid axis range [{min}, {max}].");
        maxTicks = Math.Max(maxTicks, 2);
        // A constant (or float-noise, or subnormal) range has no scale of its own: centre a window on the value.
        double span = max - min;
        if (span <= Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-12 || !double.IsNormal(span / (maxTicks - 1)))
        {
            double half = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - half, max + half);
        }
        if (!double.IsFinite(max - min))
            throw new ArgumentOutOfRangeException(nameof(max), $"Axis range [{min}, {max}] is too wide to draw.");
        for (int exp = (int)Math.Floor(Math.Log10((max - min) / (maxTicks - 1))); ; exp++)
        {
            foreach (double mantissa in Mantissas)
            {
                double step = mantissa * Math.Pow(10, exp);
                if (integerOnly && step < 1)
                    continue;
                long first = (long)Math.Floor(min / step + 1e-9), last = (long)Math.Ceiling(max / step - 1e-9);
                if (last - first + 1 > maxTicks)
                    continue;
                // Rounding to the step's decimals turns 0.30000000000000004 into 0.3.
                int decimals = Math.Clamp(-exp, 0, 15);
                var values = new double[last - first + 1];
                for (int i = 0; i < values.Length; i++)
                    values[i] = Math.Round((first + i) * step, decimals);
                return new TickScale(values[0], values[^1], step, values);
            }
        }
    }

    /// <summary>
    /// A scale for <paramref name="data"/> (0..1 when empty) honouring whichever ends are fixed;
    /// integer-valued data (episode numbers, counts) gets integer ticks.
    /// </summary>
    public static TickScale Resolve(IEnumerable<double> data, double? fixedMin, double? fixedMax, int maxTicks)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        bool integers = true;
        foreach (double v in data)
        {
            (lo, hi) = (Math.Min(lo, v), Math.Max(hi, v));
            integers &= v == Math.Round(v);
        }
        if (lo > hi)
            (lo, hi, integers) = (0, 1, false);
        lo = fixedMin ?? lo;
        hi = fixedMax ?? hi;
        // A single fixed end may lie beyond all the data; the free end then collapses onto it.
        if (lo > hi)
        {
            if (fixedMin is null) lo = hi;
            else hi = lo;
        }
        var scale = Compute(lo, hi, maxTicks, integers);
        double min = fixedMin ?? scale.Min, max = fixedMax ?? scale.Max;
        double slack = scale.Step * 1e-9;
        return scale with { Min = min, Max = max, Values = scale.Values.Where(v => v >= min - slack && v <= max + slack).ToArray() };
    }

    /// <summary>
    /// Tick labels with as many decimals as the step needs, and a k/M/G suffix once values reach
    /// five digits, so 20000 reads "20k" and 0.05 reads "0.05"; negatives get a real minus sign.
    /// </summary>
    public static string[] Labels(TickScale scale)
    {
        double largest = scale.Values.Count == 0 ? 0 : scale.Values.Max(Math.Abs);
        (double unit, string suffix) = largest switch
        {
            >= 1e9 => (1e9, "G"),
            >= 1e6 => (1e6, "M"),
            >= 1e4 => (1e3, "k"),
            _ => (1.0, ""),
        };
        int decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(scale.Step / unit) - 1e-9), 0, 15);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return scale.Values
            .Select(v => v == 0 ? "0" : (v / unit).ToString(format, CultureInfo.InvariantCulture).Replace('-', Minus) + suffix)
            .ToArray();
    }
}
