using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents.Perception;

/// <summary>Chooses the perception for an environment.</summary>
public static class Perceptions
{
    /// <summary>
    /// The environment's own perception if it provides one (<see cref="IPerceptionProvider"/>), else an
    /// <see cref="ObservationPerception"/> that uses only what each observation shows.
    /// </summary>
    public static IPerception For(IEnvironment environment) =>
        environment is IPerceptionProvider provider ? provider.CreatePerception() : new ObservationPerception(environment.FeatureCount);
}
