using System.Globalization;
using System.Text;

namespace ProceduralMemory.Tools.Tau;

/// <summary>Python's float rules the reference's outputs and digests depend on: <c>repr</c> and <c>round</c>.</summary>
public static class PythonFloat
{
    /// <summary>Python's <c>repr(x)</c>: the shortest round-tripping digits, fixed notation for exponents from -4 to 15 with a <c>.0</c> on whole numbers, else <c>1e+16</c>-style.</summary>
    public static string Repr(double x)
    {
        if (double.IsNaN(x))
            return "nan";
        if (double.IsInfinity(x))
            return x > 0 ? "inf" : "-inf";
        if (x == 0)
            return double.IsNegative(x) ? "-0.0" : "0.0";

        // .NET's "R" gives the same shortest digits as Python; only the layout differs.
        string r = x.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative)
            r = r[1..];
        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string digits = dot >= 0 ? r[..dot] + r[(dot + 1)..] : r;
        int point = (dot >= 0 ? dot : r.Length) + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            point--;
        }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";

        var text = new StringBuilder(negative ? "-" : "");
        if (point > 16 || point < -3)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
                text.Append('.').Append(digits, 1, digits.Length - 1);
            int exp = point - 1;
            text.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (point <= 0)
            text.Append("0.").Append('0', -point).Append(digits);
        else if (point >= digits.Length)
            text.Append(digits).Append('0', point - digits.Length).Append(".0");
        else
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        return text.ToString();
    }

    /// <summary>Python's <c>round(x, digits)</c> for a float: the exact binary value rounded half to even.</summary>
    public static double Round(double x, int digits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
            return x;
        // "F" with enough places prints the exact binary value, so the tie test below sees the true digits.
        string exact = Math.Abs(x).ToString("F" + (digits + 400).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
        int dot = exact.IndexOf('.');
        if (dot < 0 || exact.Length - dot - 1 <= digits)
            return x;
        string kept = exact[..(dot + 1 + digits)];
        string rest = exact[(dot + 1 + digits)..];
        bool up = rest[0] > '5' || (rest[0] == '5' && (rest.Length > 1 || LastDigitOdd(kept)));
        decimal value = decimal.Parse(kept.TrimEnd('.'), CultureInfo.InvariantCulture);
        if (up)
            value += (decimal)Math.Pow(10, -digits);
        double result = double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return x < 0 ? -result : result;
    }

    private static bool LastDigitOdd(string kept)
    {
        for (int i = kept.Length - 1; i >= 0; i--)
            if (char.IsAsciiDigit(kept[i]))
                return (kept[i] - '0') % 2 == 1;
        return false;
    }
}
