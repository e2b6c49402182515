using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// Memory for the fully observed seed grid world: the observation already holds the position, so the pose is
/// the observed cell (facing +x) and the features are the observation's own.
/// </summary>
public sealed class GridWorldMemory : IEpisodeMemory
{
    private GridWorldObservation _observation = null!;

    /// <inheritdoc />
    public int FeatureCount => 5;

    /// <inheritdoc />
    public Observation Observation => _observation;

    /// <inheritdoc />
    public AgentPose Pose => new(_observation.Position.X, _observation.Position.Y, 0);

    /// <inheritdoc />
    /// <remarks>The cell and facts: where an action such as <c>pickup_key</c> does something depends on both.</remarks>
    public int ActionContext => ContextAt(Pose);

    /// <inheritdoc />
    public int ContextAt(AgentPose pose) => (pose.X * 64 + pose.Y) * 8 + (int)(_observation.Facts.Bits & 7);

    /// <inheritdoc />
    public void Reset(Observation first) => _observation = (GridWorldObservation)first;

    /// <inheritdoc />
    public void Observe(int action, Observation next) => _observation = (GridWorldObservation)next;

    /// <inheritdoc />
    public void WriteFeatures(Span<float> destination) => _observation.WriteFeatures(destination);
}
