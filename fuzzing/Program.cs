using System.CommandLine;
using Tazlab.Fuzzing;
using Tazlab.Stacks.Loading;

// dotnet run -c Release --project fuzzing -- --cases 200000 --seed 7
var cases = new Option<int>("--cases") { Description = "How many mutated stack files to run", DefaultValueFactory = _ => 100_000 };
var seed = new Option<int>("--seed") { Description = "The seed: the same seed gives the same files", DefaultValueFactory = _ => 1 };
var first = new Option<int>("--first") { Description = "The index of the first case (to replay one: --first i --cases 1)", DefaultValueFactory = _ => 0 };
var workers = new Option<int>("--workers") { Description = "Cases run at once", DefaultValueFactory = _ => Environment.ProcessorCount };
var hang = new Option<int>("--hang-seconds") { Description = "A case that takes longer is a hang", DefaultValueFactory = _ => 30 };
var save = new Option<DirectoryInfo?>("--save-defects") { Description = "Folder to write each defect's stack file into" };
var root = new RootCommand("Mutates the text of the project's stack files and runs `plan` on each: no crash, hang, unkeyed message or write on refusal may happen.")
{
    cases, seed, first, workers, hang, save,
};
root.SetAction(parse =>
{
    var project = PulumiProjectReader.FindProjectDirectory(Environment.CurrentDirectory);
    if (project is null)
    {
        Console.Error.WriteLine($"no Pulumi.yaml in {Environment.CurrentDirectory} or its parents; expected to run inside the tazlab project");
        return 2;
    }

    var fuzzer = new StackFileFuzzer(project, TimeSpan.FromSeconds(parse.GetValue(hang)));
    var done = 0;
    var total = parse.GetValue(cases);
    var report = fuzzer.Run(parse.GetValue(seed), parse.GetValue(first), total, parse.GetValue(workers), result =>
    {
        var n = Interlocked.Increment(ref done);
        if (n % 10_000 == 0)
        {
            Console.Error.WriteLine($"{n}/{total}");
        }
    });
    report.Print(Console.Out);
    if (parse.GetValue(save) is { } folder)
    {
        folder.Create();
        foreach (var defect in report.Defects)
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, $"case-{defect.Case.Index}-{defect.Verdict}.Pulumi.{defect.Case.Stack}.yaml"), defect.Case.Bytes);
        }
    }

    return report.Defects.Count == 0 ? 0 : 1;
});
return root.Parse(args).Invoke();
