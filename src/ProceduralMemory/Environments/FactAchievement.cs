namespace ProceduralMemory.Environments;

/// <summary>
/// What making a fact true, or false, achieves, in words a skill can be named by: <c>has_key</c> made true is
/// <c>pickup(key)</c>, made false <c>drop(key)</c>. An environment's <see cref="FactSchema"/> may carry these; a skill
/// is then named by what it achieves rather than by the bits it sets.
/// </summary>
/// <param name="Fact">The fact's name.</param>
/// <param name="MadeTrue">The name of making it true, e.g. <c>open(door)</c>.</param>
/// <param name="MadeFalse">The name of making it false, e.g. <c>drop(key)</c>; null when there is none.</param>
public sealed record FactAchievement(string Fact, string MadeTrue, string? MadeFalse = null);
