using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class PythonJsonTests
{
    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(195.59, "195.59")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5, "-2.5")]
    public void Repr_WritesFloatsAsPython(double value, string expected) => Assert.Equal(expected, PythonFloat.Repr(value));

    [Theory]
    [InlineData(0.125, 0.12)]
    [InlineData(0.375, 0.38)]
    [InlineData(2.675, 2.67)]
    [InlineData(1.005, 1.0)]
    [InlineData(-17.985, -17.98)]
    public void Round_RoundsTheExactBinaryValueHalfToEven(double value, double expected) => Assert.Equal(expected, PythonFloat.Round(value, 2));

    [Fact]
    public void DumpsCanonical_SortsKeysKeepsKindsAndNonAscii()
    {
        var node = PythonJson.Parse("""{"b":1,"a":[2.0,"é\n\"q\"\u0001"]}""");

        Assert.Equal("{\"a\":[2.0,\"é\\n\\\"q\\\"\\u0001\"],\"b\":1}", PythonJson.DumpsCanonical(node));
    }

    [Fact]
    public void Dumps_KeepsKeyOrderAndEscapesNonAscii()
    {
        var node = PythonJson.Parse("""{"b":1,"a":"é"}""");

        Assert.Equal("{\"b\": 1, \"a\": \"\\u00e9\"}", PythonJson.Dumps(node));
    }
}
