using System.Text;
using System.Text.Json;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Agents;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Shared;

/// <summary>
/// Plays an agent that knows nothing but the procedures a surface recalled for it (the <c>procedure</c> field of each
/// recalled view): it follows them with procmem's own <see cref="ProcedureAgent"/> over a library of just those, never
/// learning. Given no procedures it does nothing, as a model without the memory would not know the domain's steps.
/// </summary>
public static class RecalledProcedureFollower
{
    /// <summary>The procedures in <paramref name="recalled"/>, each a view's <c>procedure</c> JSON.</summary>
    public static IReadOnlyList<Procedure> Parse(IEnumerable<JsonElement> recalled) =>
        [.. recalled.Select(p => ProcedurePolicyCodec.FromBytes(Encoding.UTF8.GetBytes(p.GetRawText())))];

    /// <summary>Carries out <paramref name="task"/> on <paramref name="environment"/> with <paramref name="procedures"/>.</summary>
    public static ToolEpisode Follow(IToolEnvironment environment, ToolTask task, IReadOnlyList<Procedure> procedures)
    {
        EmbeddingKeyProvider keys = ProcedureLibrary.DefaultKeys();
        var library = new SkillLibrary(keys.Dimension);
        foreach (Procedure procedure in procedures)
            library.Add(ProcedureSkills.Create(procedure, keys));
        return new ProcedureAgent(library, keys, new ProcedureAgentOptions { Learn = false }).Solve(environment, task);
    }
}
