namespace ProceduralMemory.Cli.Tests.Browser;

/// <summary>A fact that needs a real Chromium: skipped without one, except on CI (see <see cref="HeadlessChromium"/>).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = HeadlessChromium.SkipReason;
}
