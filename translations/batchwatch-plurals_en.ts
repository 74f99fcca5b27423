<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DetailsFormat</name>
    <message numerus="yes">
        <source>%n more entries, each not %1</source>
        <comment>3 more entries, each not text</comment>
        <translation>
            <numerusform>%n more entry, not %1</numerusform>
            <numerusform>%n more entries, each not %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more entries, not read</source>
        <translation>
            <numerusform>%n more entry, not read</numerusform>
            <numerusform>%n more entries, not read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more problems, not listed</source>
        <translation>
            <numerusform>%n more problem, not listed</numerusform>
            <numerusform>%n more problems, not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::AddJobsDialog</name>
    <message numerus="yes">
        <source>Add the %n refused identifier(s) an&amp;yway</source>
        <translation>
            <numerusform>Add the %n refused identifier an&amp;yway</numerusform>
            <numerusform>Add the %n refused identifiers an&amp;yway</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>given %n time(s), merged</source>
        <translation>
            <numerusform>given %n time, merged</numerusform>
            <numerusform>given %n times, merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) to add.</source>
        <translation>
            <numerusform>%n job to add.</numerusform>
            <numerusform>%n jobs to add.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already watched.</source>
        <translation>
            <numerusform>%n already watched.</numerusform>
            <numerusform>%n already watched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid.</source>
        <translation>
            <numerusform>%n invalid.</numerusform>
            <numerusform>%n invalid.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) merged.</source>
        <translation>
            <numerusform>%n duplicate merged.</numerusform>
            <numerusform>%n duplicates merged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Watch %n Job(s)</source>
        <translation>
            <numerusform>&amp;Watch %n Job</numerusform>
            <numerusform>&amp;Watch %n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Watch %n Selected</source>
        <translation>
            <numerusform>&amp;Watch %n Selected</numerusform>
            <numerusform>&amp;Watch %n Selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listing jobs… %n listed, waiting for %1.</source>
        <translation>
            <numerusform>Listing jobs… %n listed, waiting for %1.</numerusform>
            <numerusform>Listing jobs… %n listed, waiting for %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) listed</source>
        <translation>
            <numerusform>%n job listed</numerusform>
            <numerusform>%n jobs listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more did not match the filters.</source>
        <translation>
            <numerusform>%n more did not match the filters.</numerusform>
            <numerusform>%n more did not match the filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) listed.</source>
        <translation>
            <numerusform>%n job listed.</numerusform>
            <numerusform>%n jobs listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n page(s).</source>
        <translation>
            <numerusform>Stopped after %n page.</numerusform>
            <numerusform>Stopped after %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::FilterBar</name>
    <message numerus="yes">
        <source>%1, %n job(s)</source>
        <translation>
            <numerusform>%1, %n job</numerusform>
            <numerusform>%1, %n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::HistoryTab</name>
    <message numerus="yes">
        <source>Copied %n transition(s)</source>
        <translation>
            <numerusform>Copied %n transition</numerusform>
            <numerusform>Copied %n transitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es) observed since %1. Times are local; hover a time for UTC.</source>
        <translation>
            <numerusform>%n status observed since %1. Times are local; hover a time for UTC.</numerusform>
            <numerusform>%n statuses observed since %1. Times are local; hover a time for UTC.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::JobGanttChart</name>
    <message numerus="yes">
        <source>Jobs over time: %Ln job(s), from %1 to %2.</source>
        <translation>
            <numerusform>Jobs over time: %Ln job, from %1 to %2.</numerusform>
            <numerusform>Jobs over time: %Ln jobs, from %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::MainWindow</name>
    <message numerus="yes">
        <source>Stop watching these %n job(s)?</source>
        <translation>
            <numerusform>Stop watching these %n job?</numerusform>
            <numerusform>Stop watching these %n jobs?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::Notifier</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) watched</source>
        <translation>
            <numerusform>%n job watched</numerusform>
            <numerusform>%n jobs watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n about to expire</source>
        <translation>
            <numerusform>%n about to expire</numerusform>
            <numerusform>%n about to expire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s): %1</source>
        <translation>
            <numerusform>%n job: %1</numerusform>
            <numerusform>%n jobs: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) have ended</source>
        <translation>
            <numerusform>%n job has ended</numerusform>
            <numerusform>%n jobs have ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued job(s) are about to expire</source>
        <translation>
            <numerusform>%n queued job is about to expire</numerusform>
            <numerusform>%n queued jobs are about to expire</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::OverviewPage</name>
    <message numerus="yes">
        <source>%Ln job(s) watched on this profile</source>
        <translation>
            <numerusform>%Ln job watched on this profile</numerusform>
            <numerusform>%Ln jobs watched on this profile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %1 of %Ln visible job(s)</source>
        <translation>
            <numerusform>Showing the first %1 of %Ln visible job</numerusform>
            <numerusform>Showing the first %1 of %Ln visible jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln job(s) pass the current filters</source>
        <translation>
            <numerusform>%1 of %Ln job passes the current filters</numerusform>
            <numerusform>%1 of %Ln jobs pass the current filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in the last 24 hours</source>
        <translation>
            <numerusform>%Ln record in the last 24 hours</numerusform>
            <numerusform>%Ln records in the last 24 hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::ProfilesDialog</name>
    <message numerus="yes">
        <source>Delete %n profile(s): %1?</source>
        <translation>
            <numerusform>Delete %n profile: %1?</numerusform>
            <numerusform>Delete %n profiles: %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::RawTab</name>
    <message numerus="yes">
        <source>%n field(s) of this response could not be read</source>
        <translation>
            <numerusform>%n field of this response could not be read</numerusform>
            <numerusform>%n fields of this response could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::RecordsPerHourChart</name>
    <message numerus="yes">
        <source>%1–%2: %Ln record(s)</source>
        <translation>
            <numerusform>%1–%2: %Ln record</numerusform>
            <numerusform>%1–%2: %Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::RecordsTab</name>
    <message numerus="yes">
        <source>%n failed record(s) written · %1 MiB read</source>
        <translation>
            <numerusform>%n failed record written · %1 MiB read</numerusform>
            <numerusform>%n failed records written · %1 MiB read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) read</source>
        <translation>
            <numerusform>%Ln record read</numerusform>
            <numerusform>%Ln records read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n error group(s)</source>
        <translation>
            <numerusform>Copied %n error group</numerusform>
            <numerusform>Copied %n error groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n sample id(s)</source>
        <translation>
            <numerusform>Copied %n sample id</numerusform>
            <numerusform>Copied %n sample ids</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::SettingsDialog</name>
    <message numerus="yes">
        <source>%n hour(s) before the job expires</source>
        <translation>
            <numerusform>%n hour before the job expires</numerusform>
            <numerusform>%n hours before the job expires</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::StatusDistributionChart</name>
    <message numerus="yes">
        <source>%1: %Ln job(s)</source>
        <translation>
            <numerusform>%1: %Ln job</numerusform>
            <numerusform>%1: %Ln jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::StopJobsDialog</name>
    <message numerus="yes">
        <source>Cancel %n Batch(es)</source>
        <translation>
            <numerusform>Cancel %n Batch</numerusform>
            <numerusform>Cancel %n Batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop %n Job(s)</source>
        <translation>
            <numerusform>Stop %n Job</numerusform>
            <numerusform>Stop %n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel these %n batch(es)?</source>
        <translation>
            <numerusform>Cancel these %n batch?</numerusform>
            <numerusform>Cancel these %n batches?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop these %n job(s)?</source>
        <translation>
            <numerusform>Stop these %n job?</numerusform>
            <numerusform>Stop these %n jobs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n selected job(s) have already ended and are left out.)</source>
        <translation>
            <numerusform>(%n selected job has already ended and is left out.)</numerusform>
            <numerusform>(%n selected jobs have already ended and are left out.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Stop %n Job(s)</source>
        <translation>
            <numerusform>&amp;Stop %n Job</numerusform>
            <numerusform>&amp;Stop %n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n Batch(es)</source>
        <translation>
            <numerusform>&amp;Cancel %n Batch</numerusform>
            <numerusform>&amp;Cancel %n Batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancel request(s) accepted.</source>
        <translation>
            <numerusform>%n cancel request accepted.</numerusform>
            <numerusform>%n cancel requests accepted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop request(s) accepted.</source>
        <translation>
            <numerusform>%n stop request accepted.</numerusform>
            <numerusform>%n stop requests accepted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) could no longer be stopped.</source>
        <translation>
            <numerusform>%n job could no longer be stopped.</numerusform>
            <numerusform>%n jobs could no longer be stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) failed.</source>
        <translation>
            <numerusform>%n request failed.</numerusform>
            <numerusform>%n requests failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n answer(s)…</source>
        <translation>
            <numerusform>Waiting for %n answer…</numerusform>
            <numerusform>Waiting for %n answers…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::VpcTab</name>
    <message numerus="yes">
        <source>Copied %n security group ID(s)</source>
        <translation>
            <numerusform>Copied %n security group ID</numerusform>
            <numerusform>Copied %n security group IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n subnet ID(s)</source>
        <translation>
            <numerusform>Copied %n subnet ID</numerusform>
            <numerusform>Copied %n subnet IDs</numerusform>
        </translation>
    </message>
</context>
</TS>
