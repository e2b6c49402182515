using ProceduralMemory.Memory.Keys;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>The keys the tool commands store and recall procedures by: the built-in local embedder, no download needed.</summary>
internal static class ProcedureKeys
{
    /// <summary>Keys from <see cref="HashedNgramEmbedder"/> at its default dimension.</summary>
    public static IKeyProvider<string> Default() =>
        new EmbeddingKeyProvider(new HashedNgramEmbedder(), HashedNgramEmbedder.DefaultDimension);
}
