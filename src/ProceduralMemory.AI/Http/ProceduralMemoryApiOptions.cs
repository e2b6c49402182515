namespace ProceduralMemory.AI.Http;

/// <summary>How <see cref="ProceduralMemoryEndpoints.MapProceduralMemory"/> serves a procedure memory.</summary>
public sealed class ProceduralMemoryApiOptions
{
    /// <summary>The header a client puts the API key in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// The key every POST request must carry in <see cref="ApiKeyHeader"/> (401 without it), or null to take writes
    /// from anyone who can reach the server (fit only for a loopback address).
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>The counters <c>GET /metrics</c> reports; give one to read them in process as well.</summary>
    public ProceduralMemoryApiMetrics Metrics { get; init; } = new();
}
