using ProceduralMemory.AI.Chat;

namespace ProceduralMemory.AI.Tests.Chat;

public sealed class ChatModelUriTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void OpenAI_WithoutAnEndpoint_IsOpenAIsOwn_WithTheKeyFromTheEnvironment_NeverShown()
    {
        ChatModelUri uri = ChatModelUri.Parse("openai:gpt-4o-mini", Variables(("OPENAI_API_KEY", "sk-secret")));

        Assert.Equal("openai", uri.Provider);
        Assert.Equal("gpt-4o-mini", uri.Model);
        Assert.Equal(ChatModelUri.OpenAIEndpoint, uri.Endpoint);
        Assert.Equal("sk-secret", uri.ApiKey);
        Assert.DoesNotContain("sk-secret", uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAI_TakesItsEndpoint_FromTheUri_ElseFromOpenAIBaseUrl()
    {
        ChatModelUri named = ChatModelUri.Parse("openai:qwen2.5@http://127.0.0.1:8000/v1", Variables(("OPENAI_BASE_URL", "http://other:1/v1")));
        ChatModelUri configured = ChatModelUri.Parse("openai:qwen2.5", Variables(("OPENAI_BASE_URL", "http://gpu-box:8000/v1")));

        Assert.Equal(new Uri("http://127.0.0.1:8000/v1"), named.Endpoint);
        Assert.Null(named.ApiKey); // a local server needs no key
        Assert.Equal(new Uri("http://gpu-box:8000/v1"), configured.Endpoint);
    }

    [Fact]
    public void Ollama_KeepsTheTagInTheModelName_AndDefaultsToOllamaHost_ElseLocalhost()
    {
        ChatModelUri tagged = ChatModelUri.Parse("ollama:llama3.1:8b@http://box:11434", Variables());
        ChatModelUri hosted = ChatModelUri.Parse("ollama:qwen3", Variables(("OLLAMA_HOST", "10.0.0.5:11434")));
        ChatModelUri local = ChatModelUri.Parse("ollama:qwen3", Variables());

        Assert.Equal("llama3.1:8b", tagged.Model);
        Assert.Equal(new Uri("http://box:11434"), tagged.Endpoint);
        Assert.Equal(new Uri("http://10.0.0.5:11434"), hosted.Endpoint);
        Assert.Equal(ChatModelUri.OllamaEndpoint, local.Endpoint);
        Assert.IsType<OllamaSharp.OllamaApiClient>(local.CreateClient());
    }

    [Theory]
    [InlineData("gpt-4o", "names no provider")]
    [InlineData("anthropic:claude", "unknown provider 'anthropic'")]
    [InlineData("openai:", "names no model")]
    [InlineData("ollama:@http://box:11434", "names no model")]
    [InlineData("openai:m@ftp://box/v1", "not an http:// or https:// address")]
    [InlineData("openai:m@not a url", "not an http:// or https:// address")]
    [InlineData("openai:gpt-4o", "set OPENAI_API_KEY")]
    public void ABadUri_IsAFormatException_SayingWhatIsWrong_OnOneLine(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ChatModelUri.Parse(text, Variables()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
