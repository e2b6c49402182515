using System.Globalization;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// The reference's <c>calculate</c> tool: an arithmetic expression of digits, <c>+ - * / ( ) .</c> and spaces, evaluated
/// with Python's rules (ints stay exact, <c>/</c> gives a float, <c>**</c> and <c>//</c> exist), then rounded to two places.
/// </summary>
internal sealed class PythonCalculator
{
    private readonly string text;
    private int position;

    private PythonCalculator(string text) => this.text = text;

    /// <summary>The tool's output for <paramref name="expression"/>: <c>str(round(float(value), 2))</c> or an error.</summary>
    public static string Evaluate(string expression)
    {
        if (!expression.All(c => "0123456789+-*/(). ".Contains(c)))
            return "Error: invalid characters in expression";
        try
        {
            var calculator = new PythonCalculator(expression);
            PythonNumber value = calculator.Sum();
            calculator.SkipSpaces();
            if (calculator.position < expression.Length)
                throw new TauToolException("invalid syntax (<string>, line 1)");
            return PythonFloat.Repr(PythonFloat.Round(value.Value, 2));
        }
        catch (TauToolException e)
        {
            return "Error: " + e.Message;
        }
        catch (OverflowException)
        {
            return "Error: int too large to convert to float";
        }
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
            position++;
    }

    private bool Take(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
            return false;
        // "*" must not take the first half of "**", nor "/" of "//".
        if (token.Length == 1 && position + 1 < text.Length && text[position + 1] == token[0] && token is "*" or "/")
            return false;
        position += token.Length;
        return true;
    }

    private PythonNumber Sum()
    {
        PythonNumber value = Product();
        while (true)
        {
            if (Take("+"))
                value += Product();
            else if (Take("-"))
                value -= Product();
            else
                return value;
        }
    }

    private PythonNumber Product()
    {
        PythonNumber value = Unary();
        while (true)
        {
            if (Take("*"))
                value *= Unary();
            else if (Take("//"))
                value = FloorDivide(value, Unary());
            else if (Take("/"))
                value = Divide(value, Unary());
            else
                return value;
        }
    }

    private PythonNumber Unary()
    {
        if (Take("-"))
            return -Unary();
        if (Take("+"))
            return Unary();
        return Power();
    }

    private PythonNumber Power()
    {
        PythonNumber value = Atom();
        SkipSpaces();
        if (position + 1 < text.Length && text[position] == '*' && text[position + 1] == '*')
        {
            position += 2;
            PythonNumber exponent = Unary();
            if (value.IsInt && exponent.IsInt && exponent.Int >= 0)
            {
                long result = 1;
                for (long i = 0; i < exponent.Int; i++)
                    result = checked(result * value.Int);
                return PythonNumber.FromInt(result);
            }
            if (value.Value == 0 && exponent.Value < 0)
                throw new TauToolException("0.0 cannot be raised to a negative power");
            return PythonNumber.FromFloat(Math.Pow(value.Value, exponent.Value));
        }
        return value;
    }

    private PythonNumber Atom()
    {
        SkipSpaces();
        if (Take("("))
        {
            PythonNumber inner = Sum();
            if (!Take(")"))
                throw new TauToolException("invalid syntax (<string>, line 1)");
            return inner;
        }
        int start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            position++;
        string literal = text[start..position];
        if (literal.Length == 0 || literal == "." || literal.Count(c => c == '.') > 1)
            throw new TauToolException("invalid syntax (<string>, line 1)");
        if (!literal.Contains('.'))
        {
            if (literal.Length > 1 && literal[0] == '0' && literal.Any(c => c != '0'))
                throw new TauToolException("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)");
            return PythonNumber.FromInt(long.Parse(literal, CultureInfo.InvariantCulture));
        }
        return PythonNumber.FromFloat(double.Parse(literal, CultureInfo.InvariantCulture));
    }

    private static PythonNumber Divide(PythonNumber a, PythonNumber b)
    {
        if (b.Value == 0)
            throw new TauToolException(a.IsInt && b.IsInt ? "division by zero" : "float division by zero");
        return PythonNumber.FromFloat(a.Value / b.Value);
    }

    private static PythonNumber FloorDivide(PythonNumber a, PythonNumber b)
    {
        if (b.Value == 0)
            throw new TauToolException(a.IsInt && b.IsInt ? "integer division or modulo by zero" : "float floor division by zero");
        if (a.IsInt && b.IsInt)
            return PythonNumber.FromInt((long)Math.Floor((double)a.Int / b.Int));
        return PythonNumber.FromFloat(Math.Floor(a.Value / b.Value));
    }
}
