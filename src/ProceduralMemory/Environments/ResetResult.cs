namespace ProceduralMemory.Environments;

/// <summary>What <see cref="IEnvironment.Reset"/> returns: the first observation and auxiliary information.</summary>
/// <param name="Observation">The first observation (owned by the environment).</param>
/// <param name="Info">Diagnostic information; never meant as an input to an agent.</param>
public readonly record struct ResetResult(Observation Observation, IReadOnlyDictionary<string, object> Info);
