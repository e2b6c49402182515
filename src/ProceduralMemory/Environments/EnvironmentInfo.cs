namespace ProceduralMemory.Environments;

/// <summary>Shared values for the <c>Info</c> of reset and step results.</summary>
public static class EnvironmentInfo
{
    /// <summary>An empty, immutable info dictionary, shared so that stepping allocates nothing.</summary>
    public static IReadOnlyDictionary<string, object> Empty { get; } = new Dictionary<string, object>().AsReadOnly();
}
