using System.Globalization;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// A number as Python holds one: an int or a float. The reference's arithmetic keeps ints as ints and turns a sum
/// with a float into a float, and its digest writes the two differently (<c>100</c> against <c>100.0</c>).
/// </summary>
/// <param name="IsInt">True for a Python int.</param>
/// <param name="Int">The value when an int.</param>
/// <param name="Float">The value when a float.</param>
public readonly record struct PythonNumber(bool IsInt, long Int, double Float)
{
    /// <summary>The value as a double, whichever kind it is.</summary>
    public double Value => IsInt ? Int : Float;

    /// <summary>An int.</summary>
    public static PythonNumber FromInt(long value) => new(true, value, 0);

    /// <summary>A float.</summary>
    public static PythonNumber FromFloat(double value) => new(false, 0, value);

    /// <summary>The number a JSON node holds, or null when it holds none (booleans are not numbers here).</summary>
    public static PythonNumber? From(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue(out object? boxed))
            return null;
        return boxed switch
        {
            long i => FromInt(i),
            int i => FromInt(i),
            double d => FromFloat(d),
            _ => null,
        };
    }

    /// <summary>The node that stores this number.</summary>
    public JsonNode ToNode() => IsInt ? JsonValue.Create(Int) : JsonValue.Create(Float);

    /// <summary>Python's <c>a + b</c>.</summary>
    public static PythonNumber operator +(PythonNumber a, PythonNumber b) =>
        a.IsInt && b.IsInt ? FromInt(a.Int + b.Int) : FromFloat(a.Value + b.Value);

    /// <summary>Python's <c>a - b</c>.</summary>
    public static PythonNumber operator -(PythonNumber a, PythonNumber b) =>
        a.IsInt && b.IsInt ? FromInt(a.Int - b.Int) : FromFloat(a.Value - b.Value);

    /// <summary>Python's <c>a * b</c>.</summary>
    public static PythonNumber operator *(PythonNumber a, PythonNumber b) =>
        a.IsInt && b.IsInt ? FromInt(a.Int * b.Int) : FromFloat(a.Value * b.Value);

    /// <summary>Python's <c>-a</c>.</summary>
    public static PythonNumber operator -(PythonNumber a) => a.IsInt ? FromInt(-a.Int) : FromFloat(-a.Float);

    /// <summary>Python's <c>abs(a)</c>.</summary>
    public PythonNumber Abs() => IsInt ? FromInt(Math.Abs(Int)) : FromFloat(Math.Abs(Float));

    /// <summary>Python's <c>round(a, digits)</c>: an int stays as it is; a float is rounded half to even on its exact binary value.</summary>
    public PythonNumber Round(int digits) => IsInt ? this : FromFloat(PythonFloat.Round(Float, digits));

    /// <summary>Python's <c>str(a)</c>.</summary>
    public override string ToString() => IsInt ? Int.ToString(CultureInfo.InvariantCulture) : PythonFloat.Repr(Float);
}
