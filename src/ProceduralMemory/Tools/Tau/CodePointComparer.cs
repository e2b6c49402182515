namespace ProceduralMemory.Tools.Tau;

/// <summary>Orders strings by Unicode code point, as Python sorts <c>str</c> (UTF-16 order differs above the surrogates).</summary>
public sealed class CodePointComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static CodePointComparer Instance { get; } = new();

    private CodePointComparer()
    {
    }

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            char a = x[i], b = y[i];
            if (a == b)
                continue;
            // Surrogates (D800-DFFF) code for points above FFFF, so they sort after E000-FFFF.
            return Key(a).CompareTo(Key(b));
        }
        return x.Length.CompareTo(y.Length);
    }

    private static int Key(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
