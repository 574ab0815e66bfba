using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>PROJECT_ITEMS_SUM: 所列各项目预算（实际支出）之和 = 项目预算（实际支出）合计.</summary>
public sealed class ProjectItemsSumRule : IRule
{
    public string Code => "PROJECT_ITEMS_SUM";
    public string Name => "项目明细合计与总额不符";

    public IEnumerable<SkippedCheck> Skipped(Report r)
    {
        if (r.Projects.Count == 0) yield break;
        if (Completeness.ProjectsIncomplete(r) is { } why) { yield return new SkippedCheck(Code, why); yield break; }
        if (R.F(r, Keys.ProjectBudget) is not null && r.Projects.FirstOrDefault(p => p.Budget is null) is { } nb)
            yield return new SkippedCheck(Code, $"项目“{nb.Name}”的预算未能读取");
        if (R.First(r, Keys.ProjectActual, Keys.ExpenditureProject) is not null && r.Projects.FirstOrDefault(p => p.Actual is null) is { } na)
            yield return new SkippedCheck(Code, $"项目“{na.Name}”的实际支出未能读取");
    }

    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (r.Projects.Count == 0 || Completeness.ProjectsIncomplete(r) is not null) yield break;
        foreach (var (key, pick, label) in new (string[], Func<Project, decimal?>, string)[]
                 {
                     ([Keys.ProjectBudget], p => p.Budget, "预算"),
                     ([Keys.ProjectActual, Keys.ExpenditureProject], p => p.Actual, "实际支出"),
                 })
        {
            if (R.First(r, key) is not { } total || r.Projects.Any(p => pick(p) is null)) continue;
            var sum = r.Projects.Sum(p => pick(p)!.Value);
            // Each listed amount may carry half a cent of rounding (in 万元: 0.005), plus the total's own.
            var tolerance = total.HalfUlp + r.Projects.Count * Math.Max(total.HalfUlp, 0.000001m);
            if (Math.Abs(sum - total.Value) > tolerance)
                yield return new Discrepancy(Code, Severity.Error, [total.Key, "projects"], total.Value, sum,
                    $"项目{label}合计填报{Validation.Check.Show(total.Value)}万元，但所列{r.Projects.Count}个项目之和为{Validation.Check.Show(sum)}万元", total.Page);
        }
    }
}

/// <summary>PROJECT_COUNT: 填报的项目个数 = 所列项目个数（未列项目时不检查）.</summary>
public sealed class ProjectCountRule : IRule
{
    public string Code => "PROJECT_COUNT";
    public string Name => "项目个数与明细不符";

    public IEnumerable<SkippedCheck> Skipped(Report r) =>
        r.Projects.Count > 0 && R.F(r, Keys.ProjectCount) is not null && Completeness.ProjectsIncomplete(r) is { } why ? [new SkippedCheck(Code, why)] : [];

    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (r.Projects.Count == 0 || Completeness.ProjectsIncomplete(r) is not null || R.F(r, Keys.ProjectCount) is not { } count || count.Value == r.Projects.Count) yield break;
        yield return new Discrepancy(Code, Severity.Error, [Keys.ProjectCount, "projects"], count.Value, r.Projects.Count,
            $"填报共有{count.Value}个项目，但列出{r.Projects.Count}个", count.Page);
    }
}
