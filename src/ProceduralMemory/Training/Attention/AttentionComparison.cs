namespace ProceduralMemory.Training.Attention;

/// <summary>One task played zero-shot by one library in one agent setting, top-1 against attention retrieval.</summary>
/// <param name="Keys">The library's keys (<see cref="ZeroShotAttention.ProjectionKeys"/> or <see cref="ZeroShotAttention.EncoderKeys"/>).</param>
/// <param name="Task">The environment's name.</param>
/// <param name="Changed">Whether the library never trained on the task (false: held-out layouts of a training task).</param>
/// <param name="Setting">The agent setting (<see cref="ZeroShotAttention.DefaultSetting"/> or <see cref="ZeroShotAttention.NetworksActSetting"/>).</param>
/// <param name="TopOne">Played with the chosen skill's network alone.</param>
/// <param name="Attention">Played with attention retrieval.</param>
/// <param name="NetworkActions">Actions a skill's network chose, with attention (top-1's count can differ as the episodes do).</param>
/// <param name="BlendedActions">Of those, the actions a blend of several skills chose.</param>
public sealed record AttentionComparison(string Keys, string Task, bool Changed, string Setting, EvaluationResult TopOne, EvaluationResult Attention,
    int NetworkActions, int BlendedActions);
