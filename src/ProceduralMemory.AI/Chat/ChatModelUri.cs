using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// A language model named by a URI: <c>openai:MODEL</c> (the endpoint from <c>OPENAI_BASE_URL</c>, else
/// https://api.openai.com/v1; the key from <c>OPENAI_API_KEY</c>), <c>openai:MODEL@http://host:port/v1</c> (any
/// OpenAI-compatible server: vLLM, LM Studio, llama.cpp, Ollama's /v1), or <c>ollama:MODEL[@http://host:11434]</c>
/// (Ollama's own API, the endpoint from <c>OLLAMA_HOST</c> by default).
/// </summary>
public sealed class ChatModelUri
{
    /// <summary>OpenAI's own endpoint, the default of <c>openai:</c>.</summary>
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");

    /// <summary>Ollama's default endpoint.</summary>
    public static readonly Uri OllamaEndpoint = new("http://localhost:11434");

    private ChatModelUri(string provider, string model, Uri endpoint, string? apiKey)
    {
        Provider = provider;
        Model = model;
        Endpoint = endpoint;
        ApiKey = apiKey;
    }

    /// <summary><c>openai</c> or <c>ollama</c>.</summary>
    public string Provider { get; }

    /// <summary>The model's name as the server knows it.</summary>
    public string Model { get; }

    /// <summary>The server's base address.</summary>
    public Uri Endpoint { get; }

    /// <summary>The API key sent, if any; never shown by <see cref="ToString"/>.</summary>
    public string? ApiKey { get; }

    /// <summary>Parses <paramref name="text"/>, reading the environment variables of the process.</summary>
    /// <exception cref="FormatException">The URI is not one of the forms above, or OpenAI's endpoint is named without a key.</exception>
    public static ChatModelUri Parse(string text) => Parse(text, Environment.GetEnvironmentVariable);

    /// <summary>Parses <paramref name="text"/>, reading environment variables through <paramref name="variable"/>.</summary>
    /// <exception cref="FormatException">The URI is not one of the forms above, or OpenAI's endpoint is named without a key.</exception>
    public static ChatModelUri Parse(string text, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variable);
        const string Forms = "use openai:MODEL, openai:MODEL@http://host:port/v1 or ollama:MODEL[@http://host:11434]";
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            throw new FormatException($"model '{text}' names no provider: {Forms}");
        string provider = text[..colon].ToLowerInvariant();
        if (provider is not ("openai" or "ollama"))
            throw new FormatException($"model '{text}': unknown provider '{text[..colon]}'; {Forms}");
        string rest = text[(colon + 1)..];
        // The model name may hold ':' (Ollama's "llama3.1:8b"); the endpoint is what follows the last '@'.
        int at = rest.LastIndexOf('@');
        string model = (at < 0 ? rest : rest[..at]).Trim();
        if (model.Length == 0)
            throw new FormatException($"model '{text}' names no model; {Forms}");
        Uri endpoint;
        if (at >= 0)
            endpoint = EndpointOf(text, rest[(at + 1)..]);
        else if (provider == "openai")
            endpoint = variable("OPENAI_BASE_URL") is { Length: > 0 } configured ? EndpointOf(text, configured) : OpenAIEndpoint;
        else
            endpoint = variable("OLLAMA_HOST") is { Length: > 0 } host ? EndpointOf(text, host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host) : OllamaEndpoint;
        string? key = provider == "openai" && variable("OPENAI_API_KEY") is { Length: > 0 } k ? k : null;
        // OpenAI's own service refuses every request without a key: say so now rather than after the first request.
        if (provider == "openai" && key is null && string.Equals(endpoint.Host, OpenAIEndpoint.Host, StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"model '{text}' is served by {endpoint}, which needs a key: set OPENAI_API_KEY");
        return new ChatModelUri(provider, model, endpoint, key);
    }

    /// <summary>
    /// A chat client for the model: OpenAI's client library over <see cref="Endpoint"/>, or OllamaSharp's
    /// <see cref="OllamaApiClient"/>. A server without keys (a local one) gets a placeholder key, which it ignores.
    /// </summary>
    public IChatClient CreateClient()
    {
        if (Provider == "ollama")
            return new OllamaApiClient(Endpoint, Model);
        var options = new OpenAIClientOptions
        {
            Endpoint = Endpoint,
            // One retry: a server that refuses connections is reported at once, a passing rate limit is ridden out.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
        };
        return new OpenAI.Chat.ChatClient(Model, new ApiKeyCredential(ApiKey ?? "unused"), options).AsIChatClient();
    }

    /// <summary><c>provider:model@endpoint</c>, without the key.</summary>
    public override string ToString() => $"{Provider}:{Model}@{Endpoint}";

    private static Uri EndpointOf(string text, string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"model '{text}': '{value}' is not an http:// or https:// address");
}
