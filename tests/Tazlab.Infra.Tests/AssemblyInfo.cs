// Deployment.TestAsync runs one deployment at a time: its engine mocks are process-wide.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
