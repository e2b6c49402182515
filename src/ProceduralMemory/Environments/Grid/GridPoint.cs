namespace ProceduralMemory.Environments.Grid;

/// <summary>A cell of the seed's grid world, in (x, y) coordinates with y growing upwards.</summary>
public readonly record struct GridPoint(int X, int Y)
{
    /// <summary>Formats as <c>(x, y)</c>, the text the seed hashes for its embeddings.</summary>
    public override string ToString() => $"({X}, {Y})";
}
