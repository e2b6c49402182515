using System.Globalization;

namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// A split: skill <paramref name="Original"/> is no longer retrieved in <paramref name="Context"/>, where it failed;
/// <paramref name="Variant"/>, when one was made, is the skill that takes its place there (and only there).
/// </summary>
/// <param name="Original">The id of the skill split.</param>
/// <param name="Context">The context split off.</param>
/// <param name="Variant">The id of the variant bound to the context, or null when none was made (a chain, or a skill without a network).</param>
/// <param name="Episode">The training episode (of this agent) it happened after.</param>
/// <param name="Reason">Why, e.g. <c>succeeded 1 of 12 uses in context 3 (8.3%), 40 of 52 elsewhere (76.9%)</c>.</param>
public sealed record SkillSplit(int Original, int Context, int? Variant, long Episode, string Reason)
{
    private const string VariantLabelPrefix = "context ";

    /// <summary>
    /// The label of the variant made for <paramref name="context"/> (<see cref="Skill.Variant"/>, <c>context N</c>): part of
    /// its identity in a store, so it is kept beside its original and two agents splitting alike make one row.
    /// </summary>
    public static string VariantLabel(int context) => string.Create(CultureInfo.InvariantCulture, $"{VariantLabelPrefix}{context}");

    /// <summary>Whether <paramref name="label"/> names a variant bound to a context (see <see cref="VariantLabel"/>).</summary>
    public static bool IsVariantLabel(string? label) => label is not null && label.StartsWith(VariantLabelPrefix, StringComparison.Ordinal);
}
