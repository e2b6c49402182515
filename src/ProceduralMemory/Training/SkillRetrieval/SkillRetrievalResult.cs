using ProceduralMemory.Neural;

namespace ProceduralMemory.Training.SkillRetrieval;

/// <summary>How often each kind of key retrieves the right skill from a single new demonstration.</summary>
/// <param name="Skills">The skills of the library (one key each), in name order.</param>
/// <param name="TrainingDemonstrations">Demonstrations the library and the encoder were built from.</param>
/// <param name="Queries">New demonstrations of skills the library holds, each one query.</param>
/// <param name="UnknownSkillQueries">New demonstrations of skills the library does not hold (no right answer), left out.</param>
/// <param name="Encoder">Accuracy with the encoder's keys (code means of the demonstration summaries).</param>
/// <param name="SituationProjection">Accuracy with today's keys: the random projection of the situation a skill starts from.</param>
/// <param name="SummaryProjection">Accuracy with the random projection of the same summary the encoder reads.</param>
/// <param name="SituationEncoder">Accuracy with an encoder of the starting situation alone (trained the same way on those).</param>
/// <param name="LastEpoch">The encoder's mean loss over its last training epoch.</param>
/// <param name="EncoderModelId">The encoder key provider's model id.</param>
/// <param name="Confusions">Per wrong encoder retrieval, "right -> retrieved", counted.</param>
/// <param name="QuerySkills">The right skill of each query, in query order.</param>
/// <param name="QueryKeys">Each query's key, in query order, per kind: encoder, situation projection, summary projection, situation encoder.</param>
/// <param name="LeastDistances">Per kind (in the same order), the least cosine distance between two skills' keys in its library (<see cref="Memory.KeySeparation"/>); NaN with one skill.</param>
public sealed record SkillRetrievalResult(
    IReadOnlyList<string> Skills, int TrainingDemonstrations, int Queries, int UnknownSkillQueries,
    double Encoder, double SituationProjection, double SummaryProjection, double SituationEncoder, VariationalLoss LastEpoch, string EncoderModelId,
    IReadOnlyDictionary<string, int> Confusions, IReadOnlyList<string> QuerySkills, IReadOnlyList<IReadOnlyList<float[]>> QueryKeys,
    IReadOnlyList<double> LeastDistances);
