namespace ProceduralMemory.Training.SkillRetrieval;

/// <summary>A teacher's solution of one layout: its plan and the labelled pieces it was cut into.</summary>
/// <param name="LayoutSeed">The layout's seed.</param>
/// <param name="Plan">The teacher's actions from the layout's start.</param>
/// <param name="Demonstrations">The pieces, in order, each labelled with the skill it shows.</param>
/// <param name="Starts">For each piece, the index in <paramref name="Plan"/> of its first step (replaying the plan up to there reaches where the piece begins).</param>
public sealed record ExpertEpisode(int LayoutSeed, int[] Plan, IReadOnlyList<LabelledDemonstration> Demonstrations, IReadOnlyList<int> Starts);
