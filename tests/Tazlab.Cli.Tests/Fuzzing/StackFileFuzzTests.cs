using Tazlab.Fuzzing;
using Tazlab.TestSupport;

namespace Tazlab.Cli.Tests.Fuzzing;

/// <summary>
/// Ten thousand mutated copies of the committed stack files, the same on every run (a fixed seed): `plan` answers each
/// with a plan or keyed refusals, never a crash, a hang, an unkeyed or unescaped line, or files left on refusal.
/// The README gives the figures of a longer run by hand.
/// </summary>
public class StackFileFuzzTests
{
    private const int Seed = 20261202;

    [Fact]
    public void Ten_thousand_mutated_stack_files_never_crash_hang_or_mislead()
    {
        var fuzzer = new StackFileFuzzer(RepoPaths.Root, hangLimit: TimeSpan.FromSeconds(60));

        var report = fuzzer.Run(Seed, first: 0, count: 10_000, workers: Environment.ProcessorCount);

        Assert.Equal(10_000, report.Results.Count);
        Assert.True(report.Defects.Count == 0, string.Join('\n', report.Defects.Take(10)));
        // The mutations reach both answers: a fuzzer whose files all fail to parse would prove little.
        Assert.True(report.Count(FuzzVerdict.Planned) >= 500, $"{report.Count(FuzzVerdict.Planned)} planned");
        Assert.True(report.DistinctRefusalKeys >= 50, $"{report.DistinctRefusalKeys} keys");
    }

    [Fact]
    public void A_case_is_the_same_file_on_every_run_so_a_defect_can_be_replayed()
    {
        var fuzzer = new StackFileFuzzer(RepoPaths.Root, hangLimit: TimeSpan.FromSeconds(60));

        var a = fuzzer.CaseOf(Seed, 4242);
        var b = fuzzer.CaseOf(Seed, 4242);

        Assert.Equal(a.Bytes, b.Bytes);
        Assert.Equal(a.Mutations, b.Mutations);
        Assert.NotEqual(a.Bytes, fuzzer.CaseOf(Seed, 4243).Bytes);
    }

    [Theory]
    [InlineData("tazlab:talosTags[0]: 'x' is not a tag; expected a tag", true)]
    [InlineData("warning: tazlab:talosNodes: has 2 control-plane nodes; expected an odd number", true)]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom", false)]
    [InlineData(": no key; expected a key", false)]
    [InlineData("tazlab:x: a problem with no expectation", false)]
    public void A_line_is_keyed_when_it_names_a_key_a_problem_and_what_is_expected(string line, bool keyed)
    {
        Assert.Equal(keyed, OutputOracle.IsKeyed(line));
    }

    [Fact]
    public void The_oracle_calls_a_trace_a_crash_and_a_refusal_that_wrote_files_a_defect()
    {
        Assert.Equal(FuzzVerdict.Crash, OutputOracle.Judge(134, string.Empty, "Unhandled exception.\n   at YamlDotNet.Core.Scanner.ScanPlainScalar()", false, false).Verdict);
        Assert.Equal(FuzzVerdict.WroteOnRefusal, OutputOracle.Judge(2, string.Empty, "tazlab:x: bad; expected good\n", true, false).Verdict);
        Assert.Equal(FuzzVerdict.UnescapedText, OutputOracle.Judge(2, string.Empty, "tazlab:x: bad\u2028forged; expected good\n", false, false).Verdict);
        Assert.Equal(FuzzVerdict.WrongExit, OutputOracle.Judge(0, "summary", string.Empty, true, false).Verdict);
        Assert.Equal(FuzzVerdict.Refused, OutputOracle.Judge(2, string.Empty, "tazlab:x: bad; expected good\n1 configuration error; nothing was written.\n", false, false).Verdict);
    }
}
