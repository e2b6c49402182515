using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// Perception of the fully observed seed grid world: the observation already holds the position, so the pose is
/// the observed cell (facing +x) and the features and facts are the observation's own.
/// </summary>
public sealed class GridWorldPerception : IPoseTracking
{
    private GridWorldObservation _observation = null!;

    /// <inheritdoc />
    public int FeatureCount => GridWorldObservation.FeatureLength;

    /// <inheritdoc />
    public Observation Observation => _observation;

    /// <inheritdoc />
    public Facts Facts => _observation.Facts;

    /// <inheritdoc />
    public long StateKeyWith(ulong facts) => Pose.Key(facts);

    /// <inheritdoc />
    public AgentPose Pose => new(_observation.Position.X, _observation.Position.Y, 0);

    /// <inheritdoc />
    /// <remarks>
    /// The cell and whether the key is held: the observation does not show where the key or door is, so what
    /// <c>pickup_key</c> or <c>open_door</c> does can only be learned cell by cell, and holding the key is the one
    /// fact that changes it. (Every fact in the context would multiply the trials needed eightfold.)
    /// </remarks>
    public int ActionContext => ContextAt(Pose);

    /// <inheritdoc />
    public int ContextAt(AgentPose pose) => (pose.X * 64 + pose.Y) * 2 + (_observation.HasKey ? 1 : 0);

    /// <inheritdoc />
    public void Reset(Observation first) => _observation = (GridWorldObservation)first;

    /// <inheritdoc />
    public void Observe(int action, Observation next) => _observation = (GridWorldObservation)next;

    /// <inheritdoc />
    public void WriteFeatures(Span<float> destination) => _observation.WriteFeatures(destination);
}
