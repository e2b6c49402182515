using ProceduralMemory.Learning;

namespace ProceduralMemory.Training.SkillRetrieval;

/// <summary>One skill's demonstration with the skill it shows, as a retrieval benchmark's ground truth.</summary>
/// <param name="Environment">The task it was recorded on.</param>
/// <param name="LayoutSeed">The layout's seed.</param>
/// <param name="Skill">The skill: the name of the sub-goal effect it achieves (<c>pickup(key)</c>, <c>open(door)</c>).</param>
/// <param name="Steps">The steps, as the agent perceives them.</param>
public sealed record LabelledDemonstration(string Environment, int LayoutSeed, string Skill, IReadOnlyList<AgentStep> Steps);
