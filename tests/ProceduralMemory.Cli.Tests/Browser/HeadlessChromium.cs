using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Cli.Tests.Browser;

/// <summary>
/// A real Chromium, run headless on a page: its DOM after loading, what its console said, and a screenshot. Chromium
/// is found as <c>PROCMEM_TEST_CHROMIUM</c> or <c>chromium</c> (Debian's package) on the PATH. Without it the browser
/// tests are skipped, except on CI (<c>CI=true</c>), where they fail: CI must render the report for real
/// (<c>.ci/run</c> installs Chromium with <c>.ci/chromium.sh</c>).
/// </summary>
internal static partial class HeadlessChromium
{
    public const string Variable = "PROCMEM_TEST_CHROMIUM";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly Lazy<string?> Found = new(Find);

    private static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why browser tests are skipped here, or <c>null</c> when they run (Chromium is installed, or this is CI).</summary>
    public static string? SkipReason =>
        Found.Value is not null || OnCi ? null : $"no Chromium found ({Variable}, or chromium on the PATH): install it (.ci/chromium.sh) to render the report";

    private static string Executable => Found.Value
        ?? throw new InvalidOperationException($"no Chromium found ({Variable}, or chromium on the PATH), but CI=true: CI must render the report (.ci/run installs it with .ci/chromium.sh)");

    /// <summary>Loads <paramref name="page"/>; returns the DOM after loading and the console messages it logged (errors among them).</summary>
    public static (string Dom, IReadOnlyList<string> Console) Load(string page)
    {
        var (output, errors) = Run(page, "--dump-dom", "--enable-logging=stderr", "--v=0");
        // Chromium logs every console message (console.error, uncaught exceptions, ...) as a line with "CONSOLE" in its prefix.
        return (output, errors.Split('\n').Where(l => ConsoleLine().IsMatch(l)).ToList());
    }

    /// <summary>A PNG screenshot of <paramref name="page"/> in a window of the given size, written to <paramref name="png"/>.</summary>
    public static void Screenshot(string page, string png, int width, int height)
    {
        Run(page, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars");
        if (!File.Exists(png))
            throw new InvalidOperationException($"chromium wrote no screenshot to {png}");
    }

    private static (string Output, string Errors) Run(string page, params string[] arguments)
    {
        string profile = Path.Combine(Path.GetTempPath(), "procmem-chromium-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Its own profile, so that tests running at once do not share one; no first-run chores, no network services.
        foreach (string argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={profile}", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 }.Concat(arguments))
            info.ArgumentList.Add(argument);
        info.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri);
        try
        {
            using Process process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Executable}");
            Task<string> output = process.StandardOutput.ReadToEndAsync(), errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish {page} within {Timeout.TotalSeconds} s");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {errors.Result}");
            return (output.Result, errors.Result);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A helper process may still hold a file for a moment; a stray temporary profile is harmless.
            }
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        foreach (string name in new[] { "chromium", "chromium-browser" })
            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(folder, name)))
                    return Path.Combine(folder, name);
        return null;
    }

    [GeneratedRegex(@"^\[[^\]]*:CONSOLE[:(]")]
    private static partial Regex ConsoleLine();
}
