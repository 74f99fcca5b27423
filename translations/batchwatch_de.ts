<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About batchwatch</source>
        <translation>Über batchwatch</translation>
    </message>
    <message>
        <source>A desktop monitor for AI batch-inference jobs in AWS Bedrock&apos;s format, served by the Bifrost gateway or anything that speaks the same API.</source>
        <translation>Ein Desktop-Monitor für KI-Batch-Inferenz-Jobs im Format von AWS Bedrock, bereitgestellt vom Bifrost-Gateway oder allem, was dieselbe API spricht.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>MIT License. batchwatch is free software: you may use, copy, change and share it. It comes without any warranty.</source>
        <translation>MIT-Lizenz. batchwatch ist freie Software: Sie dürfen sie benutzen, kopieren, ändern und weitergeben. Sie wird ohne jede Gewährleistung geliefert.</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>AddJobsDialog</name>
    <message>
        <source>Add Jobs</source>
        <translation>Jobs hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Paste or Load</source>
        <translation>&amp;Einfügen oder Laden</translation>
    </message>
    <message>
        <source>&amp;Job ids or ARNs, separated by spaces, commas, semicolons or new lines:</source>
        <translation>&amp;Job-IDs oder ARNs, getrennt durch Leerzeichen, Kommas, Semikolons oder Zeilenumbrüche:</translation>
    </message>
    <message>
        <source>Job ids or ARNs</source>
        <translation>Job-IDs oder ARNs</translation>
    </message>
    <message>
        <source>k3x9p2m7q1ab
arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab</source>
        <translation>k3x9p2m7q1ab
arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/k3x9p2m7q1ab</translation>
    </message>
    <message>
        <source>&amp;Load from File…</source>
        <translation>Aus Datei &amp;laden…</translation>
    </message>
    <message>
        <source>Read identifiers from .txt, .csv or .json files</source>
        <translation>Kennungen aus .txt-, .csv- oder .json-Dateien lesen</translation>
    </message>
    <message>
        <source>W&amp;hat will be added:</source>
        <translation>&amp;Was hinzugefügt wird:</translation>
    </message>
    <message>
        <source>Classified identifiers</source>
        <translation>Eingeordnete Kennungen</translation>
    </message>
    <message>
        <source>Add refused identifiers an&amp;yway</source>
        <translation>Abgelehnte Kennungen &amp;trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Watch words and foreign ARNs exactly as given; the gateway will most likely answer “Not found”.</source>
        <translation>Wörter und fremde ARNs genau wie angegeben beobachten; das Gateway antwortet dann höchstwahrscheinlich „Nicht gefunden“.</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>&amp;Entdecken</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Name contains:</source>
        <translation>&amp;Name enthält:</translation>
    </message>
    <message>
        <source>Submitted &amp;after:</source>
        <translation>Übermittelt n&amp;ach:</translation>
    </message>
    <message>
        <source>Submitted after</source>
        <translation>Übermittelt nach</translation>
    </message>
    <message>
        <source>Submitted &amp;before:</source>
        <translation>Übermittelt &amp;vor:</translation>
    </message>
    <message>
        <source>Submitted before</source>
        <translation>Übermittelt vor</translation>
    </message>
    <message>
        <source>L&amp;ist Jobs</source>
        <translation>Jobs au&amp;flisten</translation>
    </message>
    <message>
        <source>Jobs on the gateway</source>
        <translation>Jobs auf dem Gateway</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>&amp;Mehr laden</translation>
    </message>
</context>
<context>
    <name>ConfigurationTab</name>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Input and output configuration</source>
        <translation>Ein- und Ausgabekonfiguration</translation>
    </message>
    <message>
        <source>Ctrl+C copies the selected value. S3 locations are marked with a bucket icon.</source>
        <translation>Strg+C kopiert den ausgewählten Wert. S3-Orte sind mit einem Eimer-Symbol markiert.</translation>
    </message>
</context>
<context>
    <name>DetailsFormat</name>
    <message>
        <source>not reported by this gateway</source>
        <translation>von diesem Gateway nicht gemeldet</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>ein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>wahr oder falsch</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation>ein Prozentwert von 0 bis 100</translation>
    </message>
    <message>
        <source>the text “%1”</source>
        <translation>der Text „%1“</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>die Zahl %1</translation>
    </message>
    <message>
        <source>%1 where %2 was expected</source>
        <comment>a number where text was expected</comment>
        <translation>%1, wo %2 erwartet wurde</translation>
    </message>
    <message>
        <source>a whole number sent as text</source>
        <translation>eine ganze Zahl, als Text gesendet</translation>
    </message>
    <message>
        <source>%1, below the smallest allowed value %2</source>
        <translation>%1, unter dem kleinsten erlaubten Wert %2</translation>
    </message>
    <message>
        <source>the number %1, which is not a usable time</source>
        <translation>die Zahl %1, die keine brauchbare Zeitangabe ist</translation>
    </message>
    <message>
        <source>“%1”, which is not a date and time</source>
        <translation>„%1“, das kein Datum mit Uhrzeit ist</translation>
    </message>
    <message>
        <source>reported, but not readable: %1</source>
        <translation>gemeldet, aber nicht lesbar: %1</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <source>a count (a whole number from 0)</source>
        <translation>eine Anzahl (eine ganze Zahl ab 0)</translation>
    </message>
    <message>
        <source>a time in Unix seconds</source>
        <translation>eine Zeit in Unix-Sekunden</translation>
    </message>
    <message>
        <source>more records finished (%1) than the total (%2)</source>
        <translation>mehr Datensätze beendet (%1) als insgesamt (%2)</translation>
    </message>
    <message>
        <source>an entry without an identifier, left out</source>
        <translation>ein Eintrag ohne Kennung, ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%n more entries, each not %1</source>
        <comment>3 more entries, each not text</comment>
        <translation>
            <numerusform>%n weiterer Eintrag, nicht %1</numerusform>
            <numerusform>%n weitere Einträge, jeweils nicht %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more entries, not read</source>
        <translation>
            <numerusform>%n weiterer Eintrag, nicht gelesen</numerusform>
            <numerusform>%n weitere Einträge, nicht gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more problems, not listed</source>
        <translation>
            <numerusform>%n weiteres Problem, nicht aufgeführt</numerusform>
            <numerusform>%n weitere Probleme, nicht aufgeführt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Jobs</source>
        <translation>Jobs exportieren</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Jobs:</source>
        <translation>Jobs:</translation>
    </message>
    <message>
        <source>&amp;Selected jobs</source>
        <translation>&amp;Ausgewählte Jobs</translation>
    </message>
    <message>
        <source>All jobs in the current &amp;view</source>
        <translation>Alle Jobs der aktuellen &amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <source>Destination file</source>
        <translation>Zieldatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Bericht:</translation>
    </message>
    <message>
        <source>Summary &amp;table (one row per job)</source>
        <translation>Übersichts&amp;tabelle (eine Zeile je Job)</translation>
    </message>
    <message>
        <source>F&amp;ull report (every job&apos;s own page)</source>
        <translation>&amp;Vollständiger Bericht (jeder Job auf eigenen Seiten)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Search name, id, ARN or model (Ctrl+F)</source>
        <translation>Name, ID, ARN oder Modell suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Jobs suchen</translation>
    </message>
    <message>
        <source>Every word must occur in the job&apos;s name, id, ARN or model id</source>
        <translation>Jedes Wort muss im Namen, in der ID, im ARN oder in der Modell-ID des Jobs vorkommen</translation>
    </message>
    <message>
        <source>&amp;Submitted:</source>
        <translation>Ü&amp;bermittelt:</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Show only jobs submitted in this time range</source>
        <translation>Nur Jobs zeigen, die in diesem Zeitraum übermittelt wurden</translation>
    </message>
    <message>
        <source>Submitted from</source>
        <translation>Übermittelt ab</translation>
    </message>
    <message>
        <source>Earliest submit time shown; &quot;any&quot; leaves it open</source>
        <translation>Früheste gezeigte Übermittlungszeit; „beliebig“ lässt sie offen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Submitted until</source>
        <translation>Übermittelt bis</translation>
    </message>
    <message>
        <source>Latest submit time shown; &quot;any&quot; leaves it open</source>
        <translation>Späteste gezeigte Übermittlungszeit; „beliebig“ lässt sie offen</translation>
    </message>
    <message>
        <source>&amp;Active only</source>
        <translation>Nur &amp;aktive</translation>
    </message>
    <message>
        <source>Hide jobs that have ended (completed, failed, stopped or expired)</source>
        <translation>Beendete Jobs ausblenden (abgeschlossen, fehlgeschlagen, gestoppt oder abgelaufen)</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show every job again</source>
        <translation>Wieder alle Jobs zeigen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>No status has been observed for this job yet. Every change batchwatch sees is listed here, and kept across restarts.</source>
        <translation>Für diesen Job wurde noch kein Status beobachtet. Jede Änderung, die batchwatch sieht, steht hier und bleibt über Neustarts hinweg erhalten.</translation>
    </message>
</context>
<context>
    <name>JobDetailsPanel</name>
    <message>
        <source>Job details</source>
        <translation>Job-Details</translation>
    </message>
    <message>
        <source>Select a job to see its details</source>
        <translation>Wählen Sie einen Job, um seine Details zu sehen</translation>
    </message>
    <message>
        <source>Its fields, progress, timeline, VPC, configuration, status history and raw response appear here.</source>
        <translation>Seine Felder, sein Fortschritt, Zeitverlauf, VPC, Konfiguration, Statusverlauf und die Rohantwort erscheinen hier.</translation>
    </message>
    <message>
        <source>Selected job</source>
        <translation>Ausgewählter Job</translation>
    </message>
    <message>
        <source>Job name</source>
        <translation>Job-Name</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Data freshness</source>
        <translation>Aktualität der Daten</translation>
    </message>
    <message>
        <source>Copy ARN</source>
        <translation>ARN kopieren</translation>
    </message>
    <message>
        <source>Copy the job ARN</source>
        <translation>Den ARN des Jobs kopieren</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>Copy every field of the job as JSON (API field names, UTC times)</source>
        <translation>Alle Felder des Jobs als JSON kopieren (API-Feldnamen, UTC-Zeiten)</translation>
    </message>
    <message>
        <source>What the records say</source>
        <translation>Was die Datensätze sagen</translation>
    </message>
    <message>
        <source>Job details tabs</source>
        <translation>Reiter der Job-Details</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Rohdaten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>batchwatch</source>
        <translation>batchwatch</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Add Jobs…</source>
        <translation>Jobs &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Watch more jobs: paste ids or ARNs, load files or discover the gateway&apos;s jobs</source>
        <translation>Weitere Jobs beobachten: IDs oder ARNs einfügen, Dateien laden oder die Jobs des Gateways entdecken</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export the selected jobs or the whole view as JSON, CSV, HTML or PDF</source>
        <translation>Die ausgewählten Jobs oder die ganze Ansicht als JSON, CSV, HTML oder PDF exportieren</translation>
    </message>
    <message>
        <source>Manage &amp;Profiles…</source>
        <translation>&amp;Profile verwalten…</translation>
    </message>
    <message>
        <source>Create, edit and test gateway profiles</source>
        <translation>Gateway-Profile anlegen, bearbeiten und testen</translation>
    </message>
    <message>
        <source>Try the &amp;Demo Gateway</source>
        <translation>&amp;Demo-Gateway ausprobieren</translation>
    </message>
    <message>
        <source>Watch the built-in simulated gateway</source>
        <translation>Das eingebaute simulierte Gateway beobachten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit batchwatch</source>
        <translation>batchwatch beenden</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated values</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennte Werte kopieren</translation>
    </message>
    <message>
        <source>Copy Job as &amp;JSON</source>
        <translation>Job als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy every detail of the current job as JSON</source>
        <translation>Alle Details des aktuellen Jobs als JSON kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select every job in the table</source>
        <translation>Alle Jobs der Tabelle auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search jobs by name, id, ARN or model</source>
        <translation>Jobs nach Name, ID, ARN oder Modell suchen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Polling, notifications, appearance and history</source>
        <translation>Abfragen, Benachrichtigungen, Darstellung und Verlauf</translation>
    </message>
    <message>
        <source>Show the job table</source>
        <translation>Die Job-Tabelle zeigen</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>Show charts of all visible jobs</source>
        <translation>Diagramme aller sichtbaren Jobs zeigen</translation>
    </message>
    <message>
        <source>&amp;Details Panel</source>
        <translation>&amp;Detailbereich</translation>
    </message>
    <message>
        <source>Show or hide the details of the current job</source>
        <translation>Die Details des aktuellen Jobs zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <source>Show or hide the toolbar</source>
        <translation>Die Werkzeugleiste zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Show every job again</source>
        <translation>Wieder alle Jobs zeigen</translation>
    </message>
    <message>
        <source>&amp;Reset Columns</source>
        <translation>Spalten zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Restore the table&apos;s shipped column order and widths</source>
        <translation>Die ausgelieferte Spaltenreihenfolge und -breite der Tabelle wiederherstellen</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Use the whole screen</source>
        <translation>Den ganzen Bildschirm nutzen</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>Jetzt a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Fetch every active job now</source>
        <translation>Alle aktiven Jobs jetzt abrufen</translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation>Abfragen &amp;pausieren</translation>
    </message>
    <message>
        <source>Stop asking the gateway until resumed</source>
        <translation>Das Gateway bis zur Fortsetzung nicht mehr abfragen</translation>
    </message>
    <message>
        <source>&amp;Stop Job…</source>
        <translation>Job &amp;stoppen…</translation>
    </message>
    <message>
        <source>Ask the gateway to stop the selected jobs</source>
        <translation>Das Gateway bitten, die ausgewählten Jobs zu stoppen</translation>
    </message>
    <message>
        <source>Re&amp;move from Watch List</source>
        <translation>Aus Beobachtungsliste &amp;entfernen</translation>
    </message>
    <message>
        <source>Stop watching the selected jobs (they keep running on the gateway)</source>
        <translation>Die ausgewählten Jobs nicht mehr beobachten (sie laufen auf dem Gateway weiter)</translation>
    </message>
    <message>
        <source>&amp;About batchwatch</source>
        <translation>Ü&amp;ber batchwatch</translation>
    </message>
    <message>
        <source>Version, licence and where data is kept</source>
        <translation>Version, Lizenz und wo Daten liegen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The Qt version in use</source>
        <translation>Die verwendete Qt-Version</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Jobs per status</source>
        <translation>Jobs je Status</translation>
    </message>
    <message>
        <source>Records processed per hour (last 24 hours)</source>
        <translation>Verarbeitete Datensätze pro Stunde (letzte 24 Stunden)</translation>
    </message>
    <message>
        <source>Visible jobs over time</source>
        <translation>Sichtbare Jobs im Zeitverlauf</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Time range of the jobs chart</source>
        <translation>Zeitraum des Job-Diagramms</translation>
    </message>
    <message>
        <source>No jobs to chart yet</source>
        <translation>Noch keine Jobs für Diagramme</translation>
    </message>
    <message>
        <source>Add jobs to the watch list: their statuses, a timeline of all of them and the records processed per hour appear here.</source>
        <translation>Fügen Sie Jobs zur Beobachtungsliste hinzu: Ihre Status, ein gemeinsamer Zeitverlauf und die pro Stunde verarbeiteten Datensätze erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Job ARN:</source>
        <translation>Job-ARN:</translation>
    </message>
    <message>
        <source>Job ARN</source>
        <translation>Job-ARN</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Kennung:</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Invocation type:</source>
        <translation>Aufrufart:</translation>
    </message>
    <message>
        <source>Invocation type</source>
        <translation>Aufrufart</translation>
    </message>
    <message>
        <source>Role ARN:</source>
        <translation>Rollen-ARN:</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>Rollen-ARN</translation>
    </message>
    <message>
        <source>Client request token:</source>
        <translation>Client-Anfragetoken:</translation>
    </message>
    <message>
        <source>Client request token</source>
        <translation>Client-Anfragetoken</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Datensätze:</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>Übermittelt:</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Last modified:</source>
        <translation>Zuletzt geändert:</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Vergangen:</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Input and output</source>
        <translation>Ein- und Ausgabe</translation>
    </message>
    <message>
        <source>Input S3 URI:</source>
        <translation>Eingabe-S3-URI:</translation>
    </message>
    <message>
        <source>Input S3 URI</source>
        <translation>Eingabe-S3-URI</translation>
    </message>
    <message>
        <source>Input format:</source>
        <translation>Eingabeformat:</translation>
    </message>
    <message>
        <source>Input format</source>
        <translation>Eingabeformat</translation>
    </message>
    <message>
        <source>Input bucket owner:</source>
        <translation>Besitzer des Eingabe-Buckets:</translation>
    </message>
    <message>
        <source>Input bucket owner</source>
        <translation>Besitzer des Eingabe-Buckets</translation>
    </message>
    <message>
        <source>Output S3 URI:</source>
        <translation>Ausgabe-S3-URI:</translation>
    </message>
    <message>
        <source>Output S3 URI</source>
        <translation>Ausgabe-S3-URI</translation>
    </message>
    <message>
        <source>Output bucket owner:</source>
        <translation>Besitzer des Ausgabe-Buckets:</translation>
    </message>
    <message>
        <source>Output bucket owner</source>
        <translation>Besitzer des Ausgabe-Buckets</translation>
    </message>
    <message>
        <source>KMS key:</source>
        <translation>KMS-Schlüssel:</translation>
    </message>
    <message>
        <source>KMS key</source>
        <translation>KMS-Schlüssel</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>Watching since:</source>
        <translation>Beobachtet seit:</translation>
    </message>
    <message>
        <source>Watching since</source>
        <translation>Beobachtet seit</translation>
    </message>
    <message>
        <source>Last fetched:</source>
        <translation>Zuletzt abgerufen:</translation>
    </message>
    <message>
        <source>Last fetched</source>
        <translation>Zuletzt abgerufen</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Gateway Profiles</source>
        <translation>Gateway-Profile</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>No gateway profiles yet. Press “New” to add one: a name, the gateway&apos;s address and, if it needs one, its key. “Test Connection” then checks it before you save.</source>
        <translation>Noch keine Gateway-Profile. Drücken Sie „Neu“, um eines anzulegen: einen Namen, die Adresse des Gateways und, falls nötig, seinen Schlüssel. „Verbindung testen“ prüft es, bevor Sie speichern.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Production gateway</source>
        <translation>z. B. Produktions-Gateway</translation>
    </message>
    <message>
        <source>Base U&amp;RL:</source>
        <translation>Basis-U&amp;RL:</translation>
    </message>
    <message>
        <source>The gateway&apos;s address. It may carry a path prefix, e.g. https://gw.example.com/ai</source>
        <translation>Die Adresse des Gateways. Sie darf ein Pfadpräfix enthalten, z. B. https://gw.example.com/ai</translation>
    </message>
    <message>
        <source>Au&amp;thentication:</source>
        <translation>Au&amp;thentifizierung:</translation>
    </message>
    <message>
        <source>&amp;Header name:</source>
        <translation>&amp;Header-Name:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>Pro&amp;vider header:</source>
        <translation>Anbieter-&amp;Header:</translation>
    </message>
    <message>
        <source>The gateway&apos;s default (bedrock)</source>
        <translation>Vorgabe des Gateways (bedrock)</translation>
    </message>
    <message>
        <source>Sent as the x-model-provider header; leave empty to let the gateway choose.</source>
        <translation>Wird als Header x-model-provider gesendet; leer lassen, damit das Gateway wählt.</translation>
    </message>
    <message>
        <source>&amp;Watch batches of:</source>
        <translation>&amp;Batches beobachten von:</translation>
    </message>
    <message>
        <source>&amp;Bedrock</source>
        <translation>&amp;Bedrock</translation>
    </message>
    <message>
        <source>Open&amp;AI</source>
        <translation>Open&amp;AI</translation>
    </message>
    <message>
        <source>Anthro&amp;pic</source>
        <translation>Anthro&amp;pic</translation>
    </message>
    <message>
        <source>&amp;Gemini</source>
        <translation>&amp;Gemini</translation>
    </message>
    <message>
        <source>Others, e.g. mistral, vertex</source>
        <translation>Weitere, z. B. mistral, vertex</translation>
    </message>
    <message>
        <source>Other providers</source>
        <translation>Weitere Anbieter</translation>
    </message>
    <message>
        <source>Provider names as Bifrost knows them: lower-case letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Anbieternamen, wie Bifrost sie kennt: Kleinbuchstaben, Ziffern, „-“ oder „_“.</translation>
    </message>
    <message>
        <source>R&amp;oute style:</source>
        <translation>R&amp;outenstil:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>&amp;CA-Bündel:</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA-Bündel-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connection test results</source>
        <translation>Ergebnisse des Verbindungstests</translation>
    </message>
    <message>
        <source>Re&amp;quest ceiling:</source>
        <translation>Anfragen&amp;obergrenze:</translation>
    </message>
    <message>
        <source>No ceiling</source>
        <translation>Keine Obergrenze</translation>
    </message>
    <message>
        <source>Request ceiling in requests per second</source>
        <translation>Anfragenobergrenze in Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>At most this many requests per second go to this gateway; more wait their turn, none is dropped. It keeps many watched jobs or a short poll interval from flooding the gateway or running into its own rate limit. 0: no ceiling.</source>
        <translation>Höchstens so viele Anfragen pro Sekunde gehen an dieses Gateway; weitere warten, bis sie an der Reihe sind, keine wird verworfen. So überfluten viele beobachtete Jobs oder ein kurzes Abfrageintervall das Gateway nicht und laufen nicht in sein eigenes Ratenlimit. 0: keine Obergrenze.</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>ETA:</source>
        <translation>Restzeit:</translation>
    </message>
    <message>
        <source>Estimated time to completion</source>
        <translation>Geschätzte Zeit bis zum Abschluss</translation>
    </message>
    <message>
        <source>Records processed over time</source>
        <translation>Verarbeitete Datensätze im Zeitverlauf</translation>
    </message>
    <message>
        <source>The chart of processed records appears once two progress samples have been recorded.</source>
        <translation>Das Diagramm der verarbeiteten Datensätze erscheint, sobald zwei Fortschrittsmessungen vorliegen.</translation>
    </message>
    <message>
        <source>Why there is no chart</source>
        <translation>Warum es kein Diagramm gibt</translation>
    </message>
    <message>
        <source>This gateway does not report record counts</source>
        <translation>Dieses Gateway meldet keine Datensatzzahlen</translation>
    </message>
    <message>
        <source>None of its responses for this job carried totalRecordCount, processedRecordCount, successRecordCount or errorRecordCount, so there is no progress, rate or ETA to show. The status and timeline still follow the job.</source>
        <translation>Keine seiner Antworten zu diesem Job enthielt totalRecordCount, processedRecordCount, successRecordCount oder errorRecordCount; es gibt also keinen Fortschritt, keine Rate und keine Restzeit. Status und Zeitverlauf folgen dem Job trotzdem.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Alle speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja für &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ein für alle</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Vorgaben wiederherstellen</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>Strg</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Umschalt</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Rücktaste</translation>
    </message>
    <message>
        <source>Ins</source>
        <translation>Einfg</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>Bild auf</translation>
    </message>
    <message>
        <source>PgDown</source>
        <translation>Bild ab</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Pos1</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>&amp;Link-Adresse kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
<context>
    <name>RawTab</name>
    <message>
        <source>Raw response</source>
        <translation>Rohantwort</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Response source</source>
        <translation>Quelle der Antwort</translation>
    </message>
    <message>
        <source>Find in response (Ctrl+F)</source>
        <translation>In der Antwort suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find in response</source>
        <translation>In der Antwort suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the whole response</source>
        <translation>Die ganze Antwort kopieren</translation>
    </message>
    <message>
        <source>Last response body</source>
        <translation>Letzter Antwortinhalt</translation>
    </message>
    <message>
        <source>No response has been received for this job yet.</source>
        <translation>Für diesen Job ist noch keine Antwort eingegangen.</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Fetch results</source>
        <translation>Ergebnisse abrufen</translation>
    </message>
    <message>
        <source>Results read</source>
        <translation>Gelesene Ergebnisse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Record outcomes</source>
        <translation>Ergebnisse der Datensätze</translation>
    </message>
    <message>
        <source>Errors by code and message</source>
        <translation>Fehler nach Code und Meldung</translation>
    </message>
    <message>
        <source>Error groups</source>
        <translation>Fehlergruppen</translation>
    </message>
    <message>
        <source>No record failed.</source>
        <translation>Kein Datensatz ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Export failed records…</source>
        <translation>Fehlgeschlagene Datensätze exportieren…</translation>
    </message>
    <message>
        <source>Save the records that did not succeed as JSON lines (custom id, outcome, code, message), ready for resubmission</source>
        <translation>Die nicht erfolgreichen Datensätze als JSON Lines speichern (Custom-ID, Ergebnis, Code, Meldung), bereit zum erneuten Einreichen</translation>
    </message>
    <message>
        <source>Failed records exported</source>
        <translation>Fehlgeschlagene Datensätze exportiert</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Cancel reading the results</source>
        <translation>Lesen der Ergebnisse abbrechen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>&amp;Running jobs (In progress, Stopping):</source>
        <translation>&amp;Laufende Jobs (In Bearbeitung, Wird gestoppt):</translation>
    </message>
    <message>
        <source>Running jobs polling interval</source>
        <translation>Abfrageintervall für laufende Jobs</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Submitted and validating jobs:</source>
        <translation>Ü&amp;bermittelte und geprüfte Jobs:</translation>
    </message>
    <message>
        <source>Submitted and validating jobs polling interval</source>
        <translation>Abfrageintervall für übermittelte und geprüfte Jobs</translation>
    </message>
    <message>
        <source>Sc&amp;heduled jobs:</source>
        <translation>&amp;Geplante Jobs:</translation>
    </message>
    <message>
        <source>Scheduled jobs polling interval</source>
        <translation>Abfrageintervall für geplante Jobs</translation>
    </message>
    <message>
        <source>Jobs with an &amp;unknown status:</source>
        <translation>Jobs mit &amp;unbekanntem Status:</translation>
    </message>
    <message>
        <source>Unknown status polling interval</source>
        <translation>Abfrageintervall für unbekannten Status</translation>
    </message>
    <message>
        <source>&amp;Longest wait after failures:</source>
        <translation>Längste &amp;Wartezeit nach Fehlern:</translation>
    </message>
    <message>
        <source>Longest wait after failures</source>
        <translation>Längste Wartezeit nach Fehlern</translation>
    </message>
    <message>
        <source>Requests at &amp;once per gateway:</source>
        <translation>&amp;Gleichzeitige Anfragen je Gateway:</translation>
    </message>
    <message>
        <source>Requests at once per gateway</source>
        <translation>Gleichzeitige Anfragen je Gateway</translation>
    </message>
    <message>
        <source>&amp;Pause polling while the window is minimised</source>
        <translation>Abfragen &amp;pausieren, solange das Fenster minimiert ist</translation>
    </message>
    <message>
        <source>Each job is fetched at the pace of its status; a job that has ended is fetched once more to confirm, then left alone. After a failure the wait doubles from 5 s up to the longest wait.</source>
        <translation>Jeder Job wird im Takt seines Status abgerufen; ein beendeter Job wird zur Bestätigung noch einmal abgerufen und dann in Ruhe gelassen. Nach einem Fehler verdoppelt sich die Wartezeit von 5 s bis zur längsten Wartezeit.</translation>
    </message>
    <message>
        <source>Notify me when</source>
        <translation>Benachrichtigen, wenn</translation>
    </message>
    <message>
        <source>A job &amp;completes</source>
        <translation>ein Job &amp;abgeschlossen ist</translation>
    </message>
    <message>
        <source>A job completes partiall&amp;y</source>
        <translation>ein Job &amp;teilweise abgeschlossen ist</translation>
    </message>
    <message>
        <source>A job &amp;fails</source>
        <translation>ein Job &amp;fehlschlägt</translation>
    </message>
    <message>
        <source>A job is s&amp;topped</source>
        <translation>ein Job ge&amp;stoppt wird</translation>
    </message>
    <message>
        <source>A job e&amp;xpires</source>
        <translation>ein Job a&amp;bläuft</translation>
    </message>
    <message>
        <source>A &amp;queued job is about to expire</source>
        <translation>ein &amp;wartender Job bald abläuft</translation>
    </message>
    <message>
        <source>&amp;Warn when a queued job expires within:</source>
        <translation>&amp;Warnen, wenn ein wartender Job abläuft in:</translation>
    </message>
    <message>
        <source>Expiry warning threshold</source>
        <translation>Vorwarnzeit für den Ablauf</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Appearance and history</source>
        <translation>Darstellung und Verlauf</translation>
    </message>
    <message>
        <source>Th&amp;eme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Keep history for:</source>
        <translation>Verlauf &amp;aufbewahren für:</translation>
    </message>
    <message>
        <source>History retention</source>
        <translation>Aufbewahrung des Verlaufs</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Für immer</translation>
    </message>
</context>
<context>
    <name>StatusVocabulary</name>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Submitted: the gateway accepted the job; it has not been checked yet.</source>
        <translation>Übermittelt: Das Gateway hat den Job angenommen; er wurde noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Validating: the input data is being checked.</source>
        <translation>Wird geprüft: Die Eingabedaten werden geprüft.</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Scheduled: the job is queued and waits for capacity. It expires if it does not start before its expiration time.</source>
        <translation>Geplant: Der Job steht in der Warteschlange und wartet auf Kapazität. Er läuft ab, wenn er nicht vor seiner Ablaufzeit startet.</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>In progress: records are being processed.</source>
        <translation>In Bearbeitung: Datensätze werden verarbeitet.</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Stopping: a stop was requested; the job is winding down.</source>
        <translation>Wird gestoppt: Ein Stopp wurde angefordert; der Job fährt herunter.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Completed: every record was processed.</source>
        <translation>Abgeschlossen: Alle Datensätze wurden verarbeitet.</translation>
    </message>
    <message>
        <source>Partially completed</source>
        <translation>Teilweise abgeschlossen</translation>
    </message>
    <message>
        <source>Partially completed: the job ended, but some records failed.</source>
        <translation>Teilweise abgeschlossen: Der Job ist beendet, aber einige Datensätze sind fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: the job ended with an error. See its message.</source>
        <translation>Fehlgeschlagen: Der Job endete mit einem Fehler. Siehe seine Meldung.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Stopped: the job was stopped before it finished.</source>
        <translation>Gestoppt: Der Job wurde gestoppt, bevor er fertig war.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Expired: the job did not start before its expiration time.</source>
        <translation>Abgelaufen: Der Job ist nicht vor seiner Ablaufzeit gestartet.</translation>
    </message>
    <message>
        <source>Finalizing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>Finalizing: every record was processed; the results are being written.</source>
        <translation>Wird abgeschlossen: Alle Datensätze wurden verarbeitet; die Ergebnisse werden geschrieben.</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Ended: every record finished; some may have failed, expired or been cancelled. See the record counts.</source>
        <translation>Beendet: Alle Datensätze sind fertig; manche können fehlgeschlagen, abgelaufen oder abgebrochen sein. Siehe die Datensatzzahlen.</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>A status batchwatch does not know; it is shown as the gateway sent it and the job is still watched.</source>
        <translation>Ein Status, den batchwatch nicht kennt; er wird so gezeigt, wie das Gateway ihn gesendet hat, und der Job wird weiter beobachtet.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped or expired</source>
        <translation>Gestoppt oder abgelaufen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>StopJobsDialog</name>
    <message>
        <source>Stop Jobs</source>
        <translation>Jobs stoppen</translation>
    </message>
    <message>
        <source>Records already processed are charged even when a job is stopped, and a stopped job cannot be resumed. Each stop is sent once and never retried.</source>
        <translation>Bereits verarbeitete Datensätze werden auch bei einem gestoppten Job berechnet, und ein gestoppter Job lässt sich nicht fortsetzen. Jeder Stopp wird einmal gesendet und nie wiederholt.</translation>
    </message>
    <message>
        <source>Jobs to stop</source>
        <translation>Zu stoppende Jobs</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>Hover a band or a marker for exact times. A band starts when batchwatch saw its status, or earlier at the gateway&apos;s end or last-modified time. Hatched: status unknown.</source>
        <translation>Zeigen Sie auf ein Band oder eine Markierung für genaue Zeiten. Ein Band beginnt, wenn batchwatch seinen Status sah, oder früher zur End- oder Änderungszeit des Gateways. Schraffiert: Status unbekannt.</translation>
    </message>
    <message>
        <source>No times are known for this job yet: the timeline appears once the gateway reports its submit time or a status.</source>
        <translation>Für diesen Job sind noch keine Zeiten bekannt: Der Zeitverlauf erscheint, sobald das Gateway seine Übermittlungszeit oder einen Status meldet.</translation>
    </message>
</context>
<context>
    <name>VpcTab</name>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>No security group ids</source>
        <translation>Keine Sicherheitsgruppen-IDs</translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation>Subnetze</translation>
    </message>
    <message>
        <source>No subnet ids</source>
        <translation>Keine Subnetz-IDs</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to batchwatch</source>
        <translation>Willkommen bei batchwatch</translation>
    </message>
    <message>
        <source>batchwatch follows your AI batch-inference jobs on a Bifrost gateway, or on any gateway that speaks the AWS Bedrock batch API: status, progress, expiry and a history of every change, with a notification when a job needs you.</source>
        <translation>batchwatch verfolgt Ihre KI-Batch-Inferenz-Jobs auf einem Bifrost-Gateway oder jedem Gateway, das die Batch-API von AWS Bedrock spricht: Status, Fortschritt, Ablauf und ein Verlauf jeder Änderung, mit einer Benachrichtigung, wenn ein Job Sie braucht.</translation>
    </message>
    <message>
        <source>&amp;Connect to a gateway…</source>
        <translation>Mit einem Gateway &amp;verbinden…</translation>
    </message>
    <message>
        <source>Set up a gateway profile: its address and, if it needs one, its key.</source>
        <translation>Ein Gateway-Profil einrichten: seine Adresse und, falls nötig, seinen Schlüssel.</translation>
    </message>
    <message>
        <source>Enter your gateway&apos;s address and, if it needs one, its key. You can test the connection before saving.</source>
        <translation>Geben Sie die Adresse Ihres Gateways und, falls nötig, seinen Schlüssel ein. Sie können die Verbindung vor dem Speichern testen.</translation>
    </message>
    <message>
        <source>Try the &amp;demo gateway</source>
        <translation>&amp;Demo-Gateway ausprobieren</translation>
    </message>
    <message>
        <source>Start a simulated gateway on this computer with a few dozen sample jobs.</source>
        <translation>Ein simuliertes Gateway mit einigen Dutzend Beispiel-Jobs auf diesem Computer starten.</translation>
    </message>
    <message>
        <source>A simulated gateway on this computer runs a few dozen sample jobs at high speed. Nothing leaves your machine.</source>
        <translation>Ein simuliertes Gateway auf diesem Computer führt einige Dutzend Beispiel-Jobs im Zeitraffer aus. Nichts verlässt Ihren Rechner.</translation>
    </message>
</context>
<context>
    <name>bw::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;&lt;br&gt;The local database: profiles (without keys), watched jobs, their history and last responses.</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Die lokale Datenbank: Profile (ohne Schlüssel), beobachtete Jobs, ihr Verlauf und ihre letzten Antworten.</translation>
    </message>
    <message>
        <source>Written to standard error. For more detail, start batchwatch with QT_LOGGING_RULES=&quot;batchwatch.*.debug=true&quot;.</source>
        <translation>Werden auf die Standardfehlerausgabe geschrieben. Für mehr Details starten Sie batchwatch mit QT_LOGGING_RULES=&quot;batchwatch.*.debug=true&quot;.</translation>
    </message>
    <message>
        <source>Gateway keys are kept in the system keychain, never in the settings or the database.</source>
        <translation>Gateway-Schlüssel liegen im Schlüsselbund des Systems, nie in den Einstellungen oder der Datenbank.</translation>
    </message>
    <message>
        <source>No keychain service is running: gateway keys are kept for this session only.</source>
        <translation>Es läuft kein Schlüsselbund-Dienst: Gateway-Schlüssel werden nur für diese Sitzung behalten.</translation>
    </message>
</context>
<context>
    <name>bw::AddJobsDialog</name>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Partially completed</source>
        <translation>Teilweise abgeschlossen</translation>
    </message>
    <message>
        <source>Jobs on %1. Filters are applied here as well, because gateways may ignore them.</source>
        <translation>Jobs auf %1. Die Filter werden auch hier angewandt, da Gateways sie ignorieren können.</translation>
    </message>
    <message>
        <source>Connect to a gateway first: discovering jobs needs a gateway profile.</source>
        <translation>Verbinden Sie sich zuerst mit einem Gateway: Zum Entdecken von Jobs ist ein Gateway-Profil nötig.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB; it does not look like a list of job identifiers.</source>
        <translation>%1 ist größer als 16 MiB; das sieht nicht nach einer Liste von Job-Kennungen aus.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Load Job Identifiers</source>
        <translation>Job-Kennungen laden</translation>
    </message>
    <message>
        <source>Identifier lists (*.txt *.csv *.json);;All files (*)</source>
        <translation>Kennungslisten (*.txt *.csv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add the refused identifier an&amp;yway</source>
        <translation>Die abgelehnte Kennung &amp;trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Already watched</source>
        <translation>Wird bereits beobachtet</translation>
    </message>
    <message>
        <source>Not recognised as a job; added as given because you asked</source>
        <translation>Nicht als Job erkannt; auf Ihren Wunsch wie angegeben hinzugefügt</translation>
    </message>
    <message>
        <source>Region %1, account %2</source>
        <translation>Region %1, Konto %2</translation>
    </message>
    <message>
        <source>same job as %1, merged</source>
        <translation>derselbe Job wie %1, zusammengeführt</translation>
    </message>
    <message>
        <source>Paste identifiers above or load them from files.</source>
        <translation>Fügen Sie oben Kennungen ein oder laden Sie sie aus Dateien.</translation>
    </message>
    <message>
        <source>&amp;Watch Selected</source>
        <translation>Auswahl &amp;beobachten</translation>
    </message>
    <message>
        <source>Choose filters and press “List Jobs”.</source>
        <translation>Wählen Sie Filter und drücken Sie „Jobs auflisten“.</translation>
    </message>
    <message>
        <source>Listing jobs…</source>
        <translation>Jobs werden aufgelistet…</translation>
    </message>
    <message>
        <source> from %1.</source>
        <translation> von %1.</translation>
    </message>
    <message>
        <source>%1 could not be listed: %2</source>
        <translation>%1 konnte nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>The gateway could not list jobs: %1</source>
        <translation>Das Gateway konnte keine Jobs auflisten: %1</translation>
    </message>
    <message>
        <source>More are available.</source>
        <translation>Es gibt weitere.</translation>
    </message>
    <message>
        <source>That is every job the gateway reported.</source>
        <translation>Das sind alle Jobs, die das Gateway gemeldet hat.</translation>
    </message>
    <message>
        <source>No gateway to ask. Add jobs by id on the “Paste or Load” tab, or connect to a gateway first.</source>
        <translation>Kein Gateway zum Fragen. Fügen Sie Jobs per ID auf dem Reiter „Einfügen oder Laden“ hinzu oder verbinden Sie sich zuerst mit einem Gateway.</translation>
    </message>
    <message>
        <source>Press “List Jobs” to see the jobs on the gateway.</source>
        <translation>Drücken Sie „Jobs auflisten“, um die Jobs auf dem Gateway zu sehen.</translation>
    </message>
    <message>
        <source>The gateway could not list jobs.</source>
        <translation>Das Gateway konnte keine Jobs auflisten.</translation>
    </message>
    <message>
        <source>No job matches the filters.</source>
        <translation>Kein Job passt zu den Filtern.</translation>
    </message>
    <message>
        <source>The gateway reported no jobs.</source>
        <translation>Das Gateway hat keine Jobs gemeldet.</translation>
    </message>
    <message>
        <source>Watch these jobs (Ctrl+Return)</source>
        <translation>Diese Jobs beobachten (Strg+Eingabe)</translation>
    </message>
    <message numerus="yes">
        <source>Add the %n refused identifier(s) an&amp;yway</source>
        <translation>
            <numerusform>Die %n abgelehnte Kennung &amp;trotzdem hinzufügen</numerusform>
            <numerusform>Die %n abgelehnten Kennungen &amp;trotzdem hinzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>given %n time(s), merged</source>
        <translation>
            <numerusform>%n-mal angegeben, zusammengeführt</numerusform>
            <numerusform>%n-mal angegeben, zusammengeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) to add.</source>
        <translation>
            <numerusform>%n Job hinzuzufügen.</numerusform>
            <numerusform>%n Jobs hinzuzufügen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already watched.</source>
        <translation>
            <numerusform>%n bereits beobachtet.</numerusform>
            <numerusform>%n bereits beobachtet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid.</source>
        <translation>
            <numerusform>%n ungültig.</numerusform>
            <numerusform>%n ungültig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) merged.</source>
        <translation>
            <numerusform>%n Duplikat zusammengeführt.</numerusform>
            <numerusform>%n Duplikate zusammengeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Watch %n Job(s)</source>
        <translation>
            <numerusform>%n Job &amp;beobachten</numerusform>
            <numerusform>%n Jobs &amp;beobachten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Watch %n Selected</source>
        <translation>
            <numerusform>%n ausgewählten &amp;beobachten</numerusform>
            <numerusform>%n ausgewählte &amp;beobachten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listing jobs… %n listed, waiting for %1.</source>
        <translation>
            <numerusform>Jobs werden aufgelistet… %n aufgelistet, warte auf %1.</numerusform>
            <numerusform>Jobs werden aufgelistet… %n aufgelistet, warte auf %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) listed</source>
        <translation>
            <numerusform>%n Job aufgelistet</numerusform>
            <numerusform>%n Jobs aufgelistet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more did not match the filters.</source>
        <translation>
            <numerusform>%n weiterer passte nicht zu den Filtern.</numerusform>
            <numerusform>%n weitere passten nicht zu den Filtern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) listed.</source>
        <translation>
            <numerusform>%n Job aufgelistet.</numerusform>
            <numerusform>%n Jobs aufgelistet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n page(s).</source>
        <translation>
            <numerusform>Nach %n Seite angehalten.</numerusform>
            <numerusform>Nach %n Seiten angehalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::ConfigTreeModel</name>
    <message>
        <source>Key</source>
        <extracomment>Column header: the name of a field in the job&apos;s JSON configuration</extracomment>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>bw::ConfigurationTab</name>
    <message>
        <source>&amp;Copy Value</source>
        <translation>Wert &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Copied key %1</source>
        <translation>Feldname %1 kopiert</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation>&amp;Feldnamen kopieren</translation>
    </message>
    <message>
        <source>Copy Field &amp;Path</source>
        <translation>Feld&amp;pfad kopieren</translation>
    </message>
</context>
<context>
    <name>bw::ConnectionIndicator</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>Kein Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>Idle — add jobs to start polling</source>
        <translation>Leerlauf — Jobs hinzufügen, um abzufragen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Gateway errors</source>
        <translation>Gateway-Fehler</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Key refused</source>
        <translation>Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>Following the shared store</source>
        <translation>Folgt dem gemeinsamen Speicher</translation>
    </message>
</context>
<context>
    <name>bw::ConnectionTest</name>
    <message>
        <source>plural (/bedrock/model-invocation-jobs/…)</source>
        <translation>Plural (/bedrock/model-invocation-jobs/…)</translation>
    </message>
    <message>
        <source>singular (/bedrock/model-invocation-job/…)</source>
        <translation>Singular (/bedrock/model-invocation-job/…)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Fix the profile first: %1</source>
        <translation>Korrigieren Sie zuerst das Profil: %1</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Reachable: the gateway answered (it has no /health route).</source>
        <translation>Erreichbar: Das Gateway hat geantwortet (es hat keine /health-Route).</translation>
    </message>
    <message>
        <source>Reachable, but /health reports a problem: %1</source>
        <translation>Erreichbar, aber /health meldet ein Problem: %1</translation>
    </message>
    <message>
        <source>Reachable: /health answered “ok”.</source>
        <translation>Erreichbar: /health antwortete „ok“.</translation>
    </message>
    <message>
        <source>Reachable, but /health answered “%1”.</source>
        <translation>Erreichbar, aber /health antwortete „%1“.</translation>
    </message>
    <message>
        <source>The gateway needs a key: %1</source>
        <translation>Das Gateway braucht einen Schlüssel: %1</translation>
    </message>
    <message>
        <source>Listing jobs failed: %1</source>
        <translation>Auflisten der Jobs fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>This gateway does not list jobs (%1). Jobs can still be added by id.</source>
        <translation>Dieses Gateway listet keine Jobs auf (%1). Jobs lassen sich trotzdem per ID hinzufügen.</translation>
    </message>
    <message>
        <source>Access granted without a key.</source>
        <translation>Zugriff ohne Schlüssel gewährt.</translation>
    </message>
    <message>
        <source>Key accepted.</source>
        <translation>Schlüssel angenommen.</translation>
    </message>
    <message>
        <source>No jobs are visible with this profile yet.</source>
        <translation>Mit diesem Profil sind noch keine Jobs sichtbar.</translation>
    </message>
    <message>
        <source>1 job visible on the first page; there are more.</source>
        <translation>1 Job auf der ersten Seite sichtbar; es gibt weitere.</translation>
    </message>
    <message>
        <source>1 job visible.</source>
        <translation>1 Job sichtbar.</translation>
    </message>
    <message>
        <source>%1 jobs visible on the first page; there are more.</source>
        <translation>%1 Jobs auf der ersten Seite sichtbar; es gibt weitere.</translation>
    </message>
    <message>
        <source>%1 jobs visible.</source>
        <translation>%1 Jobs sichtbar.</translation>
    </message>
    <message>
        <source>Route style detected: %1.</source>
        <translation>Routenstil erkannt: %1.</translation>
    </message>
    <message>
        <source>The route style could not be detected: %1</source>
        <translation>Der Routenstil konnte nicht erkannt werden: %1</translation>
    </message>
    <message>
        <source>no route answered with a job</source>
        <translation>keine Route antwortete mit einem Job</translation>
    </message>
    <message>
        <source>The %1 route answers as expected.</source>
        <translation>Die Route im Stil %1 antwortet wie erwartet.</translation>
    </message>
    <message>
        <source>The %1 route did not answer with a job: %2</source>
        <translation>Die Route im Stil %1 antwortete nicht mit einem Job: %2</translation>
    </message>
    <message>
        <source>Bifrost&apos;s native batch API answers for %1.</source>
        <translation>Bifrosts native Batch-API antwortet für %1.</translation>
    </message>
    <message>
        <source>The gateway does not answer Bifrost&apos;s native batch API: only Bedrock jobs can be watched, with what the Bedrock-format route reports.</source>
        <translation>Das Gateway beantwortet Bifrosts native Batch-API nicht: Nur Bedrock-Jobs lassen sich beobachten, mit dem, was die Route im Bedrock-Format meldet.</translation>
    </message>
    <message>
        <source>Bifrost&apos;s native batch API does not list %1 batches: %2</source>
        <translation>Bifrosts native Batch-API listet keine Batches von %1 auf: %2</translation>
    </message>
    <message>
        <source>The connection does not work yet.</source>
        <translation>Die Verbindung funktioniert noch nicht.</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>The key lists jobs but may not read one: %1</source>
        <translation>Der Schlüssel listet Jobs auf, darf aber keinen lesen: %1</translation>
    </message>
    <message>
        <source>Reading a job needs a key: %1</source>
        <translation>Zum Lesen eines Jobs ist ein Schlüssel nötig: %1</translation>
    </message>
    <message>
        <source>Stopped: the profile&apos;s connection was closed (the profile was changed or removed) before the test ended.</source>
        <translation>Abgebrochen: Die Verbindung des Profils wurde geschlossen (das Profil wurde geändert oder entfernt), bevor der Test fertig war.</translation>
    </message>
</context>
<context>
    <name>bw::CopyableField</name>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>The gateway reported this field without a value.</source>
        <translation>Das Gateway hat dieses Feld ohne Wert gemeldet.</translation>
    </message>
    <message>
        <source>No response from this gateway has carried this field.</source>
        <translation>Keine Antwort dieses Gateways enthielt dieses Feld.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Copied selection</source>
        <translation>Auswahl kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy Selection</source>
        <translation>Auswahl &amp;kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
</context>
<context>
    <name>bw::DemoMode</name>
    <message>
        <source>The demo gateway could not start: %1</source>
        <translation>Das Demo-Gateway konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Demo gateway</source>
        <translation>Demo-Gateway</translation>
    </message>
</context>
<context>
    <name>bw::ErrorGroupModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Sample ids</source>
        <translation>Beispiel-IDs</translation>
    </message>
    <message>
        <source>%1

For example: %2</source>
        <translation>%1

Zum Beispiel: %2</translation>
    </message>
</context>
<context>
    <name>bw::ExportDialog</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>Every field, the last raw body and the status history of each job, for scripts and tools.</source>
        <translation>Alle Felder, die letzte Rohantwort und den Statusverlauf jedes Jobs, für Skripte und Werkzeuge.</translation>
    </message>
    <message>
        <source>One row per job with the documented columns; opens in any spreadsheet.</source>
        <translation>Eine Zeile pro Job mit den dokumentierten Spalten; öffnet sich in jeder Tabellenkalkulation.</translation>
    </message>
    <message>
        <source>A self-contained report with a summary, each job&apos;s fields, timeline and history; opens offline in any browser.</source>
        <translation>Ein eigenständiger Bericht mit Zusammenfassung sowie Feldern, Zeitverlauf und Verlauf jedes Jobs; öffnet sich offline in jedem Browser.</translation>
    </message>
    <message>
        <source>The same report as a printable PDF, one job per page.</source>
        <translation>Derselbe Bericht als druckbares PDF, ein Job pro Seite.</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Selected jobs (%1)</source>
        <translation>&amp;Ausgewählte Jobs (%1)</translation>
    </message>
    <message>
        <source>All jobs in the current &amp;view (%1)</source>
        <translation>Alle Jobs der aktuellen &amp;Ansicht (%1)</translation>
    </message>
    <message>
        <source>Export Jobs</source>
        <translation>Jobs exportieren</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Wählen Sie, wo der Export gespeichert wird.</translation>
    </message>
    <message>
        <source>“%1” is a folder; add a file name.</source>
        <translation>„%1“ ist ein Ordner; ergänzen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>„%1“ existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Collecting jobs…</source>
        <translation>Jobs werden gesammelt…</translation>
    </message>
    <message>
        <source>Writing the export (jobs: %1)…</source>
        <translation>Export wird geschrieben (Jobs: %1)…</translation>
    </message>
    <message>
        <source>Exporting jobs…</source>
        <translation>Jobs werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporting %1 of %2…</source>
        <translation>Exportiere %1 von %2…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export written (jobs: %1).</source>
        <translation>Export geschrieben (Jobs: %1).</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written and any previous file is unchanged.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben, eine vorhandene Datei ist unverändert.</translation>
    </message>
    <message>
        <source>The export failed; nothing was written.</source>
        <translation>Der Export ist fehlgeschlagen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export Written</source>
        <translation>Export geschrieben</translation>
    </message>
    <message>
        <source>Exported to %1 (jobs: %2).</source>
        <translation>Nach %1 exportiert (Jobs: %2).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>The report&apos;s head and one table with a row per job: quick to write and to read for many jobs.</source>
        <translation>Der Kopf des Berichts und eine Tabelle mit einer Zeile je Job: schnell geschrieben und auch bei vielen Jobs gut lesbar.</translation>
    </message>
    <message>
        <source>The table, then every job&apos;s fields, timeline and history on pages of its own.</source>
        <translation>Die Tabelle, danach Felder, Zeitleiste und Verlauf jedes Jobs auf eigenen Seiten.</translation>
    </message>
</context>
<context>
    <name>bw::FailedRecordsExport</name>
    <message>
        <source>There is no gateway to read the results from.</source>
        <translation>Es gibt kein Gateway, von dem die Ergebnisse gelesen werden können.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The results could not be read: %1</source>
        <translation>Die Ergebnisse konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>bw::FallbackSecretStore</name>
    <message>
        <source>batchwatch was built without keychain support.</source>
        <translation>batchwatch wurde ohne Schlüsselbund-Unterstützung erstellt.</translation>
    </message>
</context>
<context>
    <name>bw::FilterBar</name>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Show the batches of one provider only</source>
        <translation>Nur die Batches eines Anbieters zeigen</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Showing %1 jobs. Click to stop filtering on this status.</source>
        <translation>Zeigt Jobs mit Status %1. Klicken, um diesen Statusfilter aufzuheben.</translation>
    </message>
    <message>
        <source>Show only %1 jobs; several chips can be combined.</source>
        <translation>Nur Jobs mit Status %1 zeigen; mehrere Chips lassen sich kombinieren.</translation>
    </message>
    <message>
        <source>Jobs: %1</source>
        <translation>Jobs: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Gezeigt: %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n job(s)</source>
        <translation>
            <numerusform>%1, %n Job</numerusform>
            <numerusform>%1, %n Jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::GatewayClient</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>the gateway answered HTTP %1 with an empty body</source>
        <translation>das Gateway antwortete mit HTTP %1 und leerem Inhalt</translation>
    </message>
    <message>
        <source>the gateway answered HTTP %1 without a Content-Type, so the body was not read as JSON</source>
        <translation>das Gateway antwortete mit HTTP %1 ohne Content-Type, daher wurde der Inhalt nicht als JSON gelesen</translation>
    </message>
    <message>
        <source>the gateway answered HTTP %1 with %2 instead of JSON</source>
        <translation>das Gateway antwortete mit HTTP %1 und %2 statt JSON</translation>
    </message>
    <message>
        <source> (an HTML page, not an API route)</source>
        <translation> (eine HTML-Seite, keine API-Route)</translation>
    </message>
    <message>
        <source>the health body is not valid JSON (%1 at offset %2)</source>
        <translation>die Health-Antwort ist kein gültiges JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <source>the health body is JSON but not an object</source>
        <translation>die Health-Antwort ist JSON, aber kein Objekt</translation>
    </message>
    <message>
        <source>the gateway URL is not a valid http or https URL</source>
        <translation>die Gateway-URL ist keine gültige http- oder https-URL</translation>
    </message>
    <message>
        <source>the CA bundle %1 cannot be read</source>
        <translation>das CA-Bundle %1 ist nicht lesbar</translation>
    </message>
    <message>
        <source>the CA bundle %1 holds no PEM certificate</source>
        <translation>das CA-Bundle %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>this build has no TLS support for the CA bundle %1</source>
        <translation>dieser Build hat keine TLS-Unterstützung für das CA-Bundle %1</translation>
    </message>
    <message>
        <source>no complete answer from %1 within %2 s</source>
        <translation>keine vollständige Antwort von %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>a redirect</source>
        <translation>eine Weiterleitung</translation>
    </message>
    <message>
        <source>a redirect loop (more than %1 redirects within %2)</source>
        <translation>eine Weiterleitungsschleife (mehr als %1 Weiterleitungen innerhalb von %2)</translation>
    </message>
    <message>
        <source>a redirect loop (%1 back to an address already visited, after %2 redirects within %3)</source>
        <translation>eine Weiterleitungsschleife (%1 zurück zu einer schon besuchten Adresse, nach %2 Weiterleitungen innerhalb von %3)</translation>
    </message>
    <message>
        <source>%1 would turn this %2 into a GET</source>
        <translation>%1 würde dieses %2 in ein GET verwandeln</translation>
    </message>
    <message>
        <source>%1 to %2, another origin than the gateway (%3)</source>
        <translation>%1 nach %2, einem anderen Ursprung als dem des Gateways (%3)</translation>
    </message>
    <message>
        <source>the gateway did not send an HTTP response</source>
        <translation>das Gateway hat keine HTTP-Antwort gesendet</translation>
    </message>
    <message>
        <source> after %1 redirects</source>
        <translation> nach %1 Weiterleitungen</translation>
    </message>
    <message>
        <source>no final answer from %1%2 (only HTTP %3)</source>
        <translation>keine endgültige Antwort von %1%2 (nur HTTP %3)</translation>
    </message>
    <message>
        <source>more than %1, the limit for one response</source>
        <translation>mehr als %1, die Grenze für eine Antwort</translation>
    </message>
    <message>
        <source>nothing arrived from %1 for %2 s</source>
        <translation>von %1 kam %2 s lang nichts an</translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation>die Verbindung zu %1 hat das Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>more than %1 redirects</source>
        <translation>mehr als %1 Weiterleitungen</translation>
    </message>
    <message>
        <source>a redirect from https to http</source>
        <translation>eine Weiterleitung von https nach http</translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the host %1 was not found</source>
        <translation>der Host %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>%1 closed the connection before the whole response arrived</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die ganze Antwort ankam</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the network access manager was destroyed</source>
        <translation>der Netzwerkzugriff wurde beendet</translation>
    </message>
    <message>
        <source>%1 began to answer (HTTP %2) but the whole answer did not arrive within %3 s</source>
        <translation>%1 hat zu antworten begonnen (HTTP %2), aber die vollständige Antwort kam nicht innerhalb von %3 s an</translation>
    </message>
    <message>
        <source>the body is a JSON object without any job field</source>
        <translation>die Antwort ist ein JSON-Objekt ohne ein einziges Job-Feld</translation>
    </message>
    <message>
        <source>job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>the body has no invocationJobSummaries</source>
        <translation>die Antwort enthält kein invocationJobSummaries</translation>
    </message>
    <message>
        <source>invocationJobSummaries is %1, not an array</source>
        <translation>invocationJobSummaries ist %1, keine Liste</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein Text</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>the body is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>the body is an HTML page, not JSON</source>
        <translation>die Antwort ist eine HTML-Seite, kein JSON</translation>
    </message>
    <message>
        <source>the body is not valid JSON (%1 at offset %2)</source>
        <translation>die Antwort ist kein gültiges JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <source>the body is JSON but not an object</source>
        <translation>die Antwort ist JSON, aber kein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>the %1 body has no readable status (%2)</source>
        <translation>die %1-Antwort hat keinen lesbaren Status (%2)</translation>
    </message>
    <message>
        <source>the %1 body has no readable %2 (%3)</source>
        <translation>die %1-Antwort hat kein lesbares %2 (%3)</translation>
    </message>
    <message>
        <source>the %1 body has no readable %2 (%3) nor status (%4)</source>
        <translation>die %1-Antwort hat weder ein lesbares %2 (%3) noch einen lesbaren Status (%4)</translation>
    </message>
    <message>
        <source>; also of the wrong type: %1</source>
        <translation>; außerdem vom falschen Typ: %1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>&quot;data&quot; is %1, not a list of batches</source>
        <translation>„data“ ist %1, keine Liste von Batches</translation>
    </message>
    <message>
        <source>the body is not a list of batches (no &quot;data&quot;)</source>
        <translation>die Antwort ist keine Liste von Batches (kein „data“)</translation>
    </message>
    <message>
        <source>the body is not a results page (no &quot;results&quot;)</source>
        <translation>die Antwort ist keine Ergebnisseite (kein „results“)</translation>
    </message>
    <message>
        <source>&quot;results&quot; is %1, not a list of records</source>
        <translation>„results“ ist %1, keine Liste von Datensätzen</translation>
    </message>
    <message>
        <source>the gateway answered with an HTML page</source>
        <translation>das Gateway antwortete mit einer HTML-Seite</translation>
    </message>
    <message>
        <source>the gateway answered with an HTML page (%1)</source>
        <translation>das Gateway antwortete mit einer HTML-Seite (%1)</translation>
    </message>
</context>
<context>
    <name>bw::GatewayError</name>
    <message>
        <source>The connection to the gateway broke off</source>
        <translation>Die Verbindung zum Gateway ist abgebrochen</translation>
    </message>
    <message>
        <source>Could not reach the gateway</source>
        <translation>Das Gateway ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The gateway did not answer in time</source>
        <translation>Das Gateway hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Secure connection to the gateway failed</source>
        <translation>Die sichere Verbindung zum Gateway ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The gateway rejected this key (%1)</source>
        <translation>Das Gateway hat diesen Schlüssel abgelehnt (%1)</translation>
    </message>
    <message>
        <source>The gateway sent a response that is not a usable JSON body</source>
        <translation>Das Gateway sandte eine Antwort ohne brauchbaren JSON-Inhalt</translation>
    </message>
    <message>
        <source>The gateway&apos;s response was too large</source>
        <translation>Die Antwort des Gateways war zu groß</translation>
    </message>
    <message>
        <source>The gateway answered with a redirect that was not followed</source>
        <translation>Das Gateway antwortete mit einer Umleitung, der nicht gefolgt wurde</translation>
    </message>
    <message>
        <source>The request was cancelled</source>
        <translation>Die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <source> (retry after %1 s)</source>
        <translation> (neuer Versuch nach %1 s)</translation>
    </message>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (nach %1 Versuchen)</translation>
    </message>
</context>
<context>
    <name>bw::GatewayProfile</name>
    <message>
        <source>Enter the gateway&apos;s base URL, e.g. http://localhost:8080.</source>
        <translation>Geben Sie die Basis-URL des Gateways ein, z. B. http://localhost:8080.</translation>
    </message>
    <message>
        <source>The base URL is not a valid URL: %1</source>
        <translation>Die Basis-URL ist keine gültige URL: %1</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://.</source>
        <translation>Die Basis-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The base URL has no host name.</source>
        <translation>Die Basis-URL hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Do not put credentials in the URL: give the key as the profile&apos;s key, which is kept in the keychain.</source>
        <translation>Keine Zugangsdaten in die URL schreiben: Geben Sie den Schlüssel als Schlüssel des Profils an; er wird im Schlüsselbund verwahrt.</translation>
    </message>
    <message>
        <source>The base URL must not have a query (?…) or fragment (#…).</source>
        <translation>Die Basis-URL darf keine Abfrage (?…) und kein Fragment (#…) haben.</translation>
    </message>
    <message>
        <source>Enter the name of the header that carries the key.</source>
        <translation>Geben Sie den Namen des Headers ein, der den Schlüssel trägt.</translation>
    </message>
    <message>
        <source>“%1” is not a valid header name: use letters, digits and - only.</source>
        <translation>„%1“ ist kein gültiger Header-Name: Nur Buchstaben, Ziffern und - verwenden.</translation>
    </message>
    <message>
        <source>The header %1 is set by batchwatch itself; choose another one.</source>
        <translation>Den Header %1 setzt batchwatch selbst; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation>Ein anderes Profil heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>The provider “%1” contains characters a header value cannot carry.</source>
        <translation>Der Anbieter „%1“ enthält Zeichen, die ein Header-Wert nicht tragen kann.</translation>
    </message>
    <message>
        <source>The timeout must be between 0.1 seconds and one hour.</source>
        <translation>Das Zeitlimit muss zwischen 0,1 Sekunden und einer Stunde liegen.</translation>
    </message>
    <message>
        <source>The CA bundle %1 does not exist.</source>
        <translation>Das CA-Bündel %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The CA bundle %1 cannot be read.</source>
        <translation>Das CA-Bündel %1 ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The key for %1 would travel unencrypted over plain http; anyone on the network path can read it. Use https unless the path is trusted.</source>
        <translation>Der Schlüssel für %1 würde unverschlüsselt über http übertragen; jeder auf dem Netzwerkweg kann ihn lesen. Verwenden Sie https, es sei denn, der Weg ist vertrauenswürdig.</translation>
    </message>
    <message>
        <source>Choose at least one provider to watch.</source>
        <translation>Wählen Sie mindestens einen Anbieter zum Beobachten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider name: use lower-case letters, digits, &apos;-&apos; or &apos;_&apos; (for example openai).</source>
        <translation>„%1“ ist kein Anbietername: Kleinbuchstaben, Ziffern, „-“ oder „_“ verwenden (zum Beispiel openai).</translation>
    </message>
    <message>
        <source>The provider %1 is listed twice.</source>
        <translation>Der Anbieter %1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>The request ceiling must be between 0 (no ceiling) and %1 requests per second.</source>
        <translation>Die Anfragenobergrenze muss zwischen 0 (keine Obergrenze) und %1 Anfragen pro Sekunde liegen.</translation>
    </message>
</context>
<context>
    <name>bw::HistoryTab</name>
    <message>
        <source>(first observed)</source>
        <translation>(erstmals)</translation>
    </message>
    <message>
        <source>The status before the change</source>
        <translation>Der Status vor der Änderung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>The status after the change</source>
        <translation>Der Status nach der Änderung</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>When batchwatch saw the change (local time)</source>
        <translation>Wann batchwatch die Änderung sah (Ortszeit)</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>The gateway&apos;s lastModifiedTime with the new status (local time)</source>
        <translation>lastModifiedTime des Gateways mit dem neuen Status (Ortszeit)</translation>
    </message>
    <message>
        <source>Gateway time</source>
        <translation>Gateway-Zeit</translation>
    </message>
    <message>
        <source>Time spent in the previous status</source>
        <translation>Zeit im vorherigen Status</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n transition(s)</source>
        <translation>
            <numerusform>%n Übergang kopiert</numerusform>
            <numerusform>%n Übergänge kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es) observed since %1. Times are local; hover a time for UTC.</source>
        <translation>
            <numerusform>%n Status seit %1 beobachtet. Zeiten in Ortszeit; für UTC auf eine Zeit zeigen.</numerusform>
            <numerusform>%n Status seit %1 beobachtet. Zeiten in Ortszeit; für UTC auf eine Zeit zeigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A column hidden for room, in a cell&apos;s tooltip: &quot;From: In progress&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>bw::JobDetailsPanel</name>
    <message>
        <source>Copied ARN</source>
        <translation>ARN kopiert</translation>
    </message>
    <message>
        <source>Copied the job as JSON</source>
        <translation>Job als JSON kopiert</translation>
    </message>
    <message>
        <source>Select a job to see its details</source>
        <translation>Wählen Sie einen Job, um seine Details zu sehen</translation>
    </message>
    <message>
        <source>Its fields, progress, timeline, VPC, configuration, status history and raw response appear here.</source>
        <translation>Seine Felder, sein Fortschritt, Zeitverlauf, VPC, Konfiguration, Statusverlauf und die Rohantwort erscheinen hier.</translation>
    </message>
    <message>
        <source>This job is not watched on this profile</source>
        <translation>Dieser Job wird in diesem Profil nicht beobachtet</translation>
    </message>
    <message>
        <source>%1 is not in the watch list of the current profile. Select another job, or add it with Add Jobs.</source>
        <translation>%1 steht nicht auf der Beobachtungsliste des aktuellen Profils. Wählen Sie einen anderen Job oder fügen Sie ihn mit „Jobs hinzufügen“ hinzu.</translation>
    </message>
    <message>
        <source>Not found on this gateway</source>
        <translation>Auf diesem Gateway nicht gefunden</translation>
    </message>
    <message>
        <source>Last known state, from %1</source>
        <translation>Letzter bekannter Stand, vom %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>Not exported: this gateway has no per-record results for this job.</source>
        <translation>Nicht exportiert: Dieses Gateway hat für diesen Job keine Ergebnisse pro Datensatz.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>No failed records: saved an empty file to %1</source>
        <translation>Keine fehlgeschlagenen Datensätze: leere Datei unter %1 gespeichert</translation>
    </message>
    <message>
        <source>Saved 1 failed record to %1</source>
        <translation>1 fehlgeschlagener Datensatz unter %1 gespeichert</translation>
    </message>
    <message>
        <source>Saved %1 failed records to %2</source>
        <translation>%1 fehlgeschlagene Datensätze unter %2 gespeichert</translation>
    </message>
    <message>
        <source> — only the first %1 MiB of the results were read; later records are missing</source>
        <translation> — nur die ersten %1 MiB der Ergebnisse wurden gelesen; spätere Datensätze fehlen</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>bw::JobGanttChart</name>
    <message>
        <source>Jobs over time</source>
        <translation>Jobs im Zeitverlauf</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>%1 expires %2</source>
        <translation>%1 läuft ab %2</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>← ended %1</source>
        <translation>← beendet %1</translation>
    </message>
    <message>
        <source>Expires %1 →</source>
        <translation>Läuft ab %1 →</translation>
    </message>
    <message>
        <source>No submit time reported</source>
        <translation>Keine Übermittlungszeit gemeldet</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Übermittelt %1</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>Beendet %1</translation>
    </message>
    <message>
        <source>Running for %1 so far</source>
        <translation>Läuft bisher seit %1</translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Läuft ab %1</translation>
    </message>
    <message>
        <source>Jobs over time: no jobs.</source>
        <translation>Jobs im Zeitverlauf: keine Jobs.</translation>
    </message>
    <message numerus="yes">
        <source>Jobs over time: %Ln job(s), from %1 to %2.</source>
        <translation>
            <numerusform>Jobs im Zeitverlauf: %Ln Job, von %1 bis %2.</numerusform>
            <numerusform>Jobs im Zeitverlauf: %Ln Jobs, von %1 bis %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::JobMetrics</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
</context>
<context>
    <name>bw::JobTableModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Elapsed while running, duration once ended</source>
        <translation>Vergangene Zeit während der Ausführung, Dauer nach dem Ende</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Estimated time to completion</source>
        <translation>Geschätzte Zeit bis zum Abschluss</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Since when the row has not been confirmed</source>
        <translation>Seit wann die Zeile nicht bestätigt wurde</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Whose batch this is: Bedrock, or the provider named by Bifrost&apos;s native API</source>
        <translation>Wessen Batch das ist: Bedrock oder der Anbieter, den Bifrosts native API nennt</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>%1 (not a status batchwatch knows; treated as active)</source>
        <translation>%1 (ein Status, den batchwatch nicht kennt; wird als aktiv behandelt)</translation>
    </message>
    <message>
        <source>%1
watched as %2</source>
        <translation>%1
beobachtet als %2</translation>
    </message>
    <message>
        <source>%1 done, as the provider reports it (no record counts)</source>
        <translation>%1 erledigt, laut Anbieter (keine Datensatzzahlen)</translation>
    </message>
    <message>
        <source>%1 of %2 records processed (%3)</source>
        <translation>%1 von %2 Datensätzen verarbeitet (%3)</translation>
    </message>
    <message>
        <source>%1 records processed; total not known yet</source>
        <translation>%1 Datensätze verarbeitet; Gesamtzahl noch unbekannt</translation>
    </message>
    <message>
        <source>%1 failed (%2 of processed)</source>
        <translation>%1 fehlgeschlagen (%2 der verarbeiteten)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Läuft ab %1</translation>
    </message>
    <message>
        <source>Around %1
at %2 records/min over the last %3 (%4 samples)</source>
        <translation>Etwa %1
bei %2 Datensätzen/min in den letzten %3 (%4 Messungen)</translation>
    </message>
    <message>
        <source>never confirmed</source>
        <translation>nie bestätigt</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Not found on this gateway</source>
        <translation>Auf diesem Gateway nicht gefunden</translation>
    </message>
    <message>
        <source>Last confirmed %1 (%2)</source>
        <translation>Zuletzt bestätigt %1 (%2)</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>%1, through Bifrost&apos;s native batch API</source>
        <translation>%1, über Bifrosts native Batch-API</translation>
    </message>
    <message>
        <source>Bedrock (the provider was not reported)</source>
        <translation>Bedrock (der Anbieter wurde nicht gemeldet)</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>Expiry passed %1 ago, at %2</source>
        <translation>Ablaufzeit vor %1 überschritten, am %2</translation>
    </message>
</context>
<context>
    <name>bw::JobTableView</name>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Watched jobs</source>
        <translation>Beobachtete Jobs</translation>
    </message>
    <message>
        <source>No jobs watched yet</source>
        <translation>Noch keine beobachteten Jobs</translation>
    </message>
    <message>
        <source>Paste the ids or ARNs of the batch jobs to follow, or pick them from the jobs this gateway lists.</source>
        <translation>Fügen Sie die IDs oder ARNs der zu verfolgenden Batch-Jobs ein oder wählen Sie sie aus den Jobs, die dieses Gateway auflistet.</translation>
    </message>
    <message>
        <source>&amp;Add Jobs…</source>
        <translation>Jobs &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Discover Jobs…</source>
        <translation>Jobs &amp;entdecken…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Reset Columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>bw::JobTimelineChart</name>
    <message>
        <source>Status timeline</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>Not observed</source>
        <translation>Nicht beobachtet</translation>
    </message>
    <message>
        <source>%1 (last known)</source>
        <translation>%1 (zuletzt bekannt)</translation>
    </message>
    <message>
        <source>Expiry time %1 →</source>
        <translation>Ablaufzeit %1 →</translation>
    </message>
    <message>
        <source>Expires %1 →</source>
        <translation>Läuft ab %1 →</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>nicht beobachtet</translation>
    </message>
    <message>
        <source>now (%1)</source>
        <translation>jetzt (%1)</translation>
    </message>
    <message>
        <source>Not observed: before batchwatch first saw this job
From %1 (submitted)
to %2
%3</source>
        <translation>Nicht beobachtet: bevor batchwatch diesen Job zum ersten Mal sah
Von %1 (übermittelt)
bis %2
%3</translation>
    </message>
    <message>
        <source>%1 (last known status, no change observed)</source>
        <translation>%1 (zuletzt bekannter Status, keine Änderung beobachtet)</translation>
    </message>
    <message>
        <source>%1
The job ended %2 (the gateway&apos;s end time)</source>
        <translation>%1
Der Job endete %2 (Endzeit des Gateways)</translation>
    </message>
    <message>
        <source>%1
The job ended %2</source>
        <translation>%1
Der Job endete %2</translation>
    </message>
    <message>
        <source>First seen %1</source>
        <translation>Zuerst gesehen %1</translation>
    </message>
    <message>
        <source>%1
From %2
to %3
%4</source>
        <translation>%1
Von %2
bis %3
%4</translation>
    </message>
    <message>
        <source>Began at the gateway&apos;s own time for this status; first seen %1</source>
        <translation>Begann zur eigenen Zeit des Gateways für diesen Status; zuerst gesehen %1</translation>
    </message>
    <message>
        <source>Began at the gateway&apos;s own time for this status; no poll saw it</source>
        <translation>Begann zur eigenen Zeit des Gateways für diesen Status; keine Abfrage sah ihn</translation>
    </message>
    <message>
        <source>Began at the gateway&apos;s end time; first seen %1</source>
        <translation>Begann zur Endzeit des Gateways; zuerst gesehen %1</translation>
    </message>
    <message>
        <source>Known from the gateway&apos;s last modified time; first seen %1</source>
        <translation>Bekannt aus der Änderungszeit des Gateways; zuerst gesehen %1</translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation>%1: %2
%3</translation>
    </message>
    <message>
        <source>Beyond the right edge of the chart (%1 away)</source>
        <translation>Jenseits des rechten Diagrammrands (%1 entfernt)</translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation>Kein Job ausgewählt.</translation>
    </message>
    <message>
        <source>No status times are known for this job yet.</source>
        <translation>Für diesen Job sind noch keine Statuszeiten bekannt.</translation>
    </message>
    <message>
        <source>Submit time</source>
        <translation>Übermittlungszeit</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
</context>
<context>
    <name>bw::MainWindow</name>
    <message>
        <source>Copied as tab-separated text, rows: %1</source>
        <translation>Als tabulatorgetrennter Text kopiert, Zeilen: %1</translation>
    </message>
    <message>
        <source>Could not save to the local store: %1</source>
        <translation>Speichern im lokalen Speicher fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Local Store</source>
        <translation>Lokaler Speicher</translation>
    </message>
    <message>
        <source>%1

Jobs can still be watched, but nothing is kept after batchwatch quits.</source>
        <translation>%1

Jobs lassen sich weiter beobachten, aber nach dem Beenden von batchwatch bleibt nichts erhalten.</translation>
    </message>
    <message>
        <source>Demo Gateway</source>
        <translation>Demo-Gateway</translation>
    </message>
    <message>
        <source>The key of “%1” could not be read: %2</source>
        <translation>Der Schlüssel von „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&amp;Resume Polling</source>
        <translation>Abfragen &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation>Abfragen &amp;pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <extracomment>Toolbar button: resume or pause polling the gateway</extracomment>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Toolbar button: stop polling the gateway until resumed (not the jobs)</extracomment>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>%1 — batchwatch</source>
        <translation>%1 — batchwatch</translation>
    </message>
    <message>
        <source>batchwatch</source>
        <translation>batchwatch</translation>
    </message>
    <message>
        <source>Copied the details of “%1” as JSON</source>
        <translation>Details von „%1“ als JSON kopiert</translation>
    </message>
    <message>
        <source>The local store could not be opened: %1</source>
        <translation>Der lokale Speicher konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Exported to %1 (jobs: %2)</source>
        <translation>Nach %1 exportiert (Jobs: %2)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <extracomment>Toolbar button: ask the gateway to stop the selected jobs</extracomment>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Stop watching “%1”?</source>
        <translation>„%1“ nicht mehr beobachten?</translation>
    </message>
    <message>
        <source>Remove from Watch List</source>
        <translation>Aus Beobachtungsliste entfernen</translation>
    </message>
    <message>
        <source>Their status history on this computer is deleted. The jobs themselves keep running on the gateway.</source>
        <translation>Ihr Statusverlauf auf diesem Computer wird gelöscht. Die Jobs selbst laufen auf dem Gateway weiter.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Toolbar button: ask the provider to cancel (or the gateway to stop) the selected batches</extracomment>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Stop watching these %n job(s)?</source>
        <translation>
            <numerusform>Diesen %n Job nicht mehr beobachten?</numerusform>
            <numerusform>Diese %n Jobs nicht mehr beobachten?</numerusform>
        </translation>
    </message>
    <message>
        <source>They are removed for the whole team, with their status history in the shared store. The jobs themselves keep running on the gateway.</source>
        <translation>Sie werden für das ganze Team entfernt, mit ihrem Statusverlauf im gemeinsamen Speicher. Die Jobs selbst laufen auf dem Gateway weiter.</translation>
    </message>
    <message>
        <source>Could not save to the shared store: %1</source>
        <translation>Speichern im gemeinsamen Speicher fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The shared store&apos;s connection was lost: the changes are kept and saved once it is back</source>
        <translation>Die Verbindung zum gemeinsamen Speicher ist verloren: die Änderungen werden aufbewahrt und gespeichert, sobald er wieder da ist</translation>
    </message>
    <message>
        <source>The changes kept while the shared store was away are saved</source>
        <translation>Die aufbewahrten Änderungen sind im gemeinsamen Speicher gespeichert</translation>
    </message>
</context>
<context>
    <name>bw::MemorySecretStore</name>
    <message>
        <source>No key is stored for this profile.</source>
        <translation>Für dieses Profil ist kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>Keys are kept for this session only.</source>
        <translation>Schlüssel werden nur für diese Sitzung behalten.</translation>
    </message>
</context>
<context>
    <name>bw::NoticeBox</name>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger zeigen</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>bw::Notifier</name>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>About to expire: %1</source>
        <translation>Läuft bald ab: %1</translation>
    </message>
    <message>
        <source>Still %1; it expires in %2 (%3) unless it starts.</source>
        <translation>Noch %1; läuft in %2 (%3) ab, wenn er nicht startet.</translation>
    </message>
    <message>
        <source>%1: expires in %2</source>
        <translation>%1: läuft ab in %2</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) watched</source>
        <translation>
            <numerusform>%n Job beobachtet</numerusform>
            <numerusform>%n Jobs beobachtet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n aktiv</numerusform>
            <numerusform>%n aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n about to expire</source>
        <translation>
            <numerusform>%n bald ablaufend</numerusform>
            <numerusform>%n bald ablaufend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s): %1</source>
        <translation>
            <numerusform>%n Job: %1</numerusform>
            <numerusform>%n Jobs: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) have ended</source>
        <translation>
            <numerusform>%n Job ist beendet</numerusform>
            <numerusform>%n Jobs sind beendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued job(s) are about to expire</source>
        <translation>
            <numerusform>%n wartender Job läuft bald ab</numerusform>
            <numerusform>%n wartende Jobs laufen bald ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::OfflineBanner</name>
    <message>
        <source>Retry &amp;Now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Edit &amp;Profile…</source>
        <translation>&amp;Profil bearbeiten…</translation>
    </message>
    <message>
        <source>The gateway cannot be used right now; the table shows the last-known state of every job.</source>
        <translation>Das Gateway ist gerade nicht nutzbar; die Tabelle zeigt den letzten bekannten Stand jedes Jobs.</translation>
    </message>
    <message>
        <source>Ask the gateway again now</source>
        <translation>Das Gateway jetzt erneut fragen</translation>
    </message>
    <message>
        <source>Check the key and address of this profile</source>
        <translation>Schlüssel und Adresse dieses Profils prüfen</translation>
    </message>
    <message>
        <source>Enter &amp;Key…</source>
        <translation>&amp;Schlüssel eingeben…</translation>
    </message>
    <message>
        <source>No key stored for this profile.</source>
        <translation>Für dieses Profil ist kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>Where no keychain service runs, keys are kept for one session only. Enter the key to start polling; the table shows the last-known state of every job.</source>
        <translation>Ohne Schlüsselbund-Dienst werden Schlüssel nur für eine Sitzung behalten. Geben Sie den Schlüssel ein, um das Abfragen zu starten; die Tabelle zeigt den letzten bekannten Stand jedes Jobs.</translation>
    </message>
    <message>
        <source>The gateway cannot be reached.</source>
        <translation>Das Gateway ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The gateway is answering with errors.</source>
        <translation>Das Gateway antwortet mit Fehlern.</translation>
    </message>
    <message>
        <source>The gateway refused this profile&apos;s key.</source>
        <translation>Das Gateway hat den Schlüssel dieses Profils abgelehnt.</translation>
    </message>
    <message>
        <source>Polling is paused.</source>
        <translation>Das Abfragen ist pausiert.</translation>
    </message>
    <message>
        <source>Waiting to retry.</source>
        <translation>Warte auf erneuten Versuch.</translation>
    </message>
    <message>
        <source>Retrying now…</source>
        <translation>Neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>Retrying in %1.</source>
        <translation>Neuer Versuch in %1.</translation>
    </message>
    <message>
        <source>The table shows the last-known state of every job.</source>
        <translation>Die Tabelle zeigt den letzten bekannten Stand jedes Jobs.</translation>
    </message>
    <message>
        <source>Last successful refresh: %1 (%2).</source>
        <translation>Letzte erfolgreiche Aktualisierung: %1 (%2).</translation>
    </message>
    <message>
        <source>The shared store cannot be reached.</source>
        <translation>Der gemeinsame Speicher ist nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>bw::OutcomeBar</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Keine Datensätze</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Errored</source>
        <translation>Mit Fehler</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>bw::OverviewPage</name>
    <message>
        <source>Recent activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>All visible jobs</source>
        <translation>Alle sichtbaren Jobs</translation>
    </message>
    <message>
        <source>Recent activity: from the first of the running, queued and recently ended jobs to now. Jobs that ended earlier are noted at the left edge.</source>
        <translation>Letzte Aktivität: vom ersten der laufenden, wartenden und kürzlich beendeten Jobs bis jetzt. Früher beendete Jobs sind am linken Rand vermerkt.</translation>
    </message>
    <message>
        <source>No job passes the current filters</source>
        <translation>Kein Job passiert die aktuellen Filter</translation>
    </message>
    <message>
        <source>No records were processed in the last 24 hours, or the gateway does not report record counts.</source>
        <translation>In den letzten 24 Stunden wurden keine Datensätze verarbeitet, oder das Gateway meldet keine Datensatzzahlen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) watched on this profile</source>
        <translation>
            <numerusform>%Ln Job in diesem Profil beobachtet</numerusform>
            <numerusform>%Ln Jobs in diesem Profil beobachtet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %1 of %Ln visible job(s)</source>
        <translation>
            <numerusform>Die ersten %1 von %Ln sichtbaren Job</numerusform>
            <numerusform>Die ersten %1 von %Ln sichtbaren Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln job(s) pass the current filters</source>
        <translation>
            <numerusform>%1 von %Ln Job passiert die aktuellen Filter</numerusform>
            <numerusform>%1 von %Ln Jobs passieren die aktuellen Filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in the last 24 hours</source>
        <translation>
            <numerusform>%Ln Datensatz in den letzten 24 Stunden</numerusform>
            <numerusform>%Ln Datensätze in den letzten 24 Stunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::OverviewTab</name>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>(gateway: %1, not a status batchwatch knows)</source>
        <translation>(Gateway: %1, ein Status, den batchwatch nicht kennt)</translation>
    </message>
    <message>
        <source>(gateway: %1)</source>
        <translation>(Gateway: %1)</translation>
    </message>
    <message>
        <source>The gateway sent &quot;%1&quot;. Copy puts it on the clipboard exactly.</source>
        <translation>Das Gateway sendete „%1“. Kopieren legt genau das in die Zwischenablage.</translation>
    </message>
    <message>
        <source>same as the job ARN</source>
        <translation>wie der Job-ARN</translation>
    </message>
    <message>
        <source>You added this job by its ARN: %1</source>
        <translation>Sie haben diesen Job über seinen ARN hinzugefügt: %1</translation>
    </message>
    <message>
        <source>The identifier as you added it</source>
        <translation>Die Kennung, wie Sie sie hinzugefügt haben</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The job failed</source>
        <translation>Der Job ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The job completed only partially</source>
        <translation>Der Job wurde nur teilweise abgeschlossen</translation>
    </message>
    <message>
        <source>The job was stopped</source>
        <translation>Der Job wurde gestoppt</translation>
    </message>
    <message>
        <source>not known yet (counted once validation ends)</source>
        <translation>noch unbekannt (wird nach der Prüfung gezählt)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 of %2 processed · %3 succeeded · %4 failed</source>
        <translation>%1 von %2 verarbeitet · %3 erfolgreich · %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>not ended yet</source>
        <translation>noch nicht beendet</translation>
    </message>
    <message>
        <source>%1
Still queued close to its expiration: the job expires unless it starts.</source>
        <translation>%1
Wartet noch kurz vor seinem Ablauf: Der Job läuft ab, wenn er nicht startet.</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Vergangen:</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>unknown (no submit time reported)</source>
        <translation>unbekannt (keine Übermittlungszeit gemeldet)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not found on this gateway</source>
        <translation>Auf diesem Gateway nicht gefunden</translation>
    </message>
    <message>
        <source>The gateway&apos;s last answer was &quot;not found&quot; (HTTP 404) for %1. The fields below are the last ones it reported; batchwatch keeps checking.</source>
        <translation>Die letzte Antwort des Gateways für %1 war „nicht gefunden“ (HTTP 404). Die Felder unten sind die zuletzt gemeldeten; batchwatch prüft weiter.</translation>
    </message>
    <message>
        <source>The last refresh failed: showing what the gateway said %1</source>
        <translation>Die letzte Aktualisierung ist fehlgeschlagen: Gezeigt wird, was das Gateway %1 meldete</translation>
    </message>
    <message>
        <source>This job could not be fetched yet</source>
        <translation>Dieser Job konnte noch nicht abgerufen werden</translation>
    </message>
    <message>
        <source>%1 · native:</source>
        <translation>%1 · nativ:</translation>
    </message>
    <message>
        <source>From Bifrost&apos;s native batch API (the Bedrock-format route did not report it)</source>
        <translation>Aus Bifrosts nativer Batch-API (die Route im Bedrock-Format meldete es nicht)</translation>
    </message>
    <message>
        <source>%1 · from results:</source>
        <translation>%1 · aus den Ergebnissen:</translation>
    </message>
    <message>
        <source>Counted from the job&apos;s per-record results (the gateway reports no record counts for it)</source>
        <translation>Aus den Ergebnissen pro Datensatz gezählt (das Gateway meldet für diesen Job keine Datensatzzahlen)</translation>
    </message>
</context>
<context>
    <name>bw::ProfileSession</name>
    <message>
        <source>This profile needs no key</source>
        <translation>Dieses Profil braucht keinen Schlüssel</translation>
    </message>
    <message>
        <source>Waiting for the key</source>
        <translation>Warte auf den Schlüssel</translation>
    </message>
    <message>
        <source>Key stored</source>
        <translation>Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>No key stored for this profile</source>
        <translation>Für dieses Profil ist kein Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>The key could not be read</source>
        <translation>Der Schlüssel konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Shared store: waiting for the poller lease</source>
        <translation>Gemeinsamer Speicher: wartet auf die Abfrage-Sperre</translation>
    </message>
    <message>
        <source>Polling for the team</source>
        <translation>Fragt für das Team ab</translation>
    </message>
    <message>
        <source>Viewing: another batchwatch polls this gateway</source>
        <translation>Nur Ansicht: ein anderes batchwatch fragt dieses Gateway ab</translation>
    </message>
    <message>
        <source>Shared store unreachable: reconnecting</source>
        <translation>Gemeinsamer Speicher nicht erreichbar: verbinde neu</translation>
    </message>
    <message>
        <source>Viewing: nobody polls this gateway (a client with its key would)</source>
        <translation>Nur Ansicht: niemand fragt dieses Gateway ab (ein Client mit seinem Schlüssel würde es)</translation>
    </message>
</context>
<context>
    <name>bw::ProfileSwitcher</name>
    <message>
        <source>Gateway profile</source>
        <translation>Gateway-Profil</translation>
    </message>
    <message>
        <source>The gateway whose jobs are shown</source>
        <translation>Das Gateway, dessen Jobs gezeigt werden</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>Demo gateway</source>
        <translation>Demo-Gateway</translation>
    </message>
    <message>
        <source>Manage Profiles…</source>
        <translation>Profile verwalten…</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Kein Profil</translation>
    </message>
</context>
<context>
    <name>bw::ProfilesDialog</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bearer token (Authorization header)</source>
        <translation>Bearer-Token (Authorization-Header)</translation>
    </message>
    <message>
        <source>Bifrost virtual key (x-bf-vk header)</source>
        <translation>Virtueller Bifrost-Schlüssel (Header x-bf-vk)</translation>
    </message>
    <message>
        <source>Custom header</source>
        <translation>Eigener Header</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>Choose CA Bundle</source>
        <translation>CA-Bündel wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Delete the profile “%1”?</source>
        <translation>Das Profil „%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete Profiles</source>
        <translation>Profile löschen</translation>
    </message>
    <message>
        <source>Their watched jobs and the history recorded for them are removed from this computer. Nothing changes on the gateway.</source>
        <translation>Ihre beobachteten Jobs und deren aufgezeichneter Verlauf werden von diesem Computer entfernt. Auf dem Gateway ändert sich nichts.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>The key of “%1” is kept for this session only.</source>
        <translation>Der Schlüssel von „%1“ wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>The keys of %1 are kept for this session only.</source>
        <translation>Die Schlüssel von %1 werden nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>No keychain service is running, and batchwatch never writes keys to disk. After a restart you will be asked for the key again.</source>
        <translation>Es läuft kein Schlüsselbund-Dienst, und batchwatch schreibt Schlüssel nie auf die Festplatte. Nach einem Neustart werden Sie erneut nach dem Schlüssel gefragt.</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Gateway %1</source>
        <translation>Gateway %1</translation>
    </message>
    <message>
        <source>Unnamed profile</source>
        <translation>Unbenanntes Profil</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>Schlüssel wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read the key: %1</source>
        <translation>Der Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No key entered: requests are sent without one.</source>
        <translation>Kein Schlüssel eingegeben: Anfragen werden ohne gesendet.</translation>
    </message>
    <message>
        <source>The profile could not be deleted: %1</source>
        <translation>Das Profil konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <translation>Der Schlüssel konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Fix the profile first: %1</source>
        <translation>Korrigieren Sie zuerst das Profil: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Key Not Saved</source>
        <translation>Schlüssel nicht gespeichert</translation>
    </message>
    <message>
        <source>Bedrock route</source>
        <comment>answers only the Bedrock-format route</comment>
        <translation>Bedrock-Route</translation>
    </message>
    <message>
        <source> request per second</source>
        <comment>after 1</comment>
        <translation> Anfrage pro Sekunde</translation>
    </message>
    <message>
        <source> requests per second</source>
        <comment>after a number</comment>
        <translation> Anfragen pro Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n profile(s): %1?</source>
        <translation>
            <numerusform>%n Profil löschen: %1?</numerusform>
            <numerusform>%n Profile löschen: %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Plural: …/model-invocation-jobs/{id}</source>
        <translation>Plural: …/model-invocation-jobs/{id}</translation>
    </message>
    <message>
        <source>GET /bedrock/model-invocation-jobs/{id}, as in the published document</source>
        <translation>GET /bedrock/model-invocation-jobs/{id}, wie im veröffentlichten Dokument</translation>
    </message>
    <message>
        <source>Singular: …/model-invocation-job/{id}</source>
        <translation>Singular: …/model-invocation-job/{id}</translation>
    </message>
    <message>
        <source>GET /bedrock/model-invocation-job/{id}, as AWS Bedrock and Bifrost serve it</source>
        <translation>GET /bedrock/model-invocation-job/{id}, wie AWS Bedrock und Bifrost es anbieten</translation>
    </message>
</context>
<context>
    <name>bw::ProgressDelegate</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 processed</source>
        <translation>%1 verarbeitet</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Keine Datensätze</translation>
    </message>
    <message>
        <source>Waiting for counts</source>
        <translation>Warte auf Zahlen</translation>
    </message>
    <message>
        <source>%1 · %2 failed</source>
        <translation>%1 · %2 Fehler</translation>
    </message>
</context>
<context>
    <name>bw::ProgressSampleModel</name>
    <message>
        <source>At</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rate (records/min)</source>
        <translation>Rate (Datensätze/min)</translation>
    </message>
</context>
<context>
    <name>bw::ProgressTab</name>
    <message>
        <source>Records processed over time</source>
        <translation>Verarbeitete Datensätze im Zeitverlauf</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>%1 % of the processed records failed</source>
        <translation>%1 % der verarbeiteten Datensätze sind fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation>%1 % (%2 von %3)</translation>
    </message>
    <message>
        <source>Progress unknown: the total is 0 or not reported</source>
        <translation>Fortschritt unbekannt: Die Gesamtzahl ist 0 oder nicht gemeldet</translation>
    </message>
    <message>
        <source>The gateway reports no total yet, so progress is unknown.</source>
        <translation>Das Gateway meldet noch keine Gesamtzahl, daher ist der Fortschritt unbekannt.</translation>
    </message>
    <message>
        <source>%1 records/min over the last %2 (%5 samples, %3 to %4)</source>
        <translation>%1 Datensätze/min in den letzten %2 (%5 Messungen, %3 bis %4)</translation>
    </message>
    <message>
        <source>none: the job has ended</source>
        <translation>keine: Der Job ist beendet</translation>
    </message>
    <message>
        <source>not measurable yet: needs two samples with progress within the last %1</source>
        <translation>noch nicht messbar: braucht zwei Messungen mit Fortschritt innerhalb der letzten %1</translation>
    </message>
    <message>
        <source>%1 — around %2 (%3 records left at %4 records/min)</source>
        <translation>%1 — etwa %2 (%3 Datensätze übrig bei %4 Datensätzen/min)</translation>
    </message>
    <message>
        <source>unknown: no total record count yet</source>
        <translation>unbekannt: noch keine Gesamtzahl der Datensätze</translation>
    </message>
    <message>
        <source>unknown until a processing rate can be measured</source>
        <translation>unbekannt, bis sich eine Verarbeitungsrate messen lässt</translation>
    </message>
    <message>
        <source>No progress samples yet. The chart of processed records starts once the gateway has reported record counts twice.</source>
        <translation>Noch keine Fortschrittsmessungen. Das Diagramm der verarbeiteten Datensätze beginnt, sobald das Gateway zweimal Datensatzzahlen gemeldet hat.</translation>
    </message>
    <message>
        <source>%1 of %2 records processed</source>
        <translation>%1 von %2 Datensätzen verarbeitet</translation>
    </message>
    <message>
        <source>%1 records processed</source>
        <translation>%1 Datensätze verarbeitet</translation>
    </message>
    <message>
        <source>Only one sample: %1 at %2. The job had ended by then, so there is no progress over time to chart.</source>
        <translation>Nur eine Messung: %1 um %2. Der Job war da schon beendet, daher gibt es keinen Fortschritt im Zeitverlauf.</translation>
    </message>
    <message>
        <source>Only one sample so far: %1 at %2. The chart appears once the counts change.</source>
        <translation>Bisher nur eine Messung: %1 um %2. Das Diagramm erscheint, sobald sich die Zahlen ändern.</translation>
    </message>
    <message>
        <source>The counts did not change while batchwatch watched this job: %1 in every sample from %2 to %3. There is no progress over time to chart.</source>
        <translation>Die Zahlen haben sich nicht geändert, während batchwatch diesen Job beobachtete: %1 in jeder Messung von %2 bis %3. Es gibt keinen Fortschritt im Zeitverlauf.</translation>
    </message>
    <message>
        <source>No progress yet: %1 in every sample from %2 to %3. The chart appears once the counts change.</source>
        <translation>Noch kein Fortschritt: %1 in jeder Messung von %2 bis %3. Das Diagramm erscheint, sobald sich die Zahlen ändern.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>bw::RawTab</name>
    <message>
        <source>Last retrieve response</source>
        <translation>Letzte Abrufantwort</translation>
    </message>
    <message>
        <source>Last list summary</source>
        <translation>Letzte Listenzusammenfassung</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>The body of the last retrieve (GET) response, pretty-printed with its keys in alphabetical order.</source>
        <translation>Der Inhalt der letzten Abrufantwort (GET), formatiert und mit alphabetisch sortierten Schlüsseln.</translation>
    </message>
    <message>
        <source>The job&apos;s entry in the last list response; no retrieve response has arrived yet.</source>
        <translation>Der Eintrag des Jobs in der letzten Listenantwort; es ist noch keine Abrufantwort eingegangen.</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Copied the retrieve response</source>
        <translation>Abrufantwort kopiert</translation>
    </message>
    <message>
        <source>Copied the list summary</source>
        <translation>Listenzusammenfassung kopiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field: why it could not be read</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the body</source>
        <translation>der Antworttext</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) of this response could not be read</source>
        <translation>
            <numerusform>%n Feld dieser Antwort war nicht lesbar</numerusform>
            <numerusform>%n Felder dieser Antwort waren nicht lesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Last native batch response</source>
        <translation>Letzte native Batch-Antwort</translation>
    </message>
    <message>
        <source>The batch as Bifrost&apos;s native batch API (/v1/batches) last reported it, pretty-printed with its keys in alphabetical order.</source>
        <translation>Der Batch, wie ihn Bifrosts native Batch-API (/v1/batches) zuletzt gemeldet hat, formatiert und mit alphabetisch sortierten Schlüsseln.</translation>
    </message>
    <message>
        <source>More than one response is known; the selector switches between them.</source>
        <translation>Mehr als eine Antwort liegt vor; die Auswahl wechselt zwischen ihnen.</translation>
    </message>
    <message>
        <source>Copied the native batch response</source>
        <translation>Native Batch-Antwort kopiert</translation>
    </message>
    <message>
        <source>Parts of this response could not be read</source>
        <translation>Teile dieser Antwort konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>bw::RecordsPerHourChart</name>
    <message>
        <source>Records processed</source>
        <translation>Verarbeitete Datensätze</translation>
    </message>
    <message>
        <source>Records processed per hour</source>
        <translation>Verarbeitete Datensätze pro Stunde</translation>
    </message>
    <message>
        <source>Records processed per hour: none in the last 24 hours.</source>
        <translation>Verarbeitete Datensätze pro Stunde: keine in den letzten 24 Stunden.</translation>
    </message>
    <message>
        <source>Records processed per hour: %1 in the last 24 hours; the busiest hour was %2–%3 with %4.</source>
        <translation>Verarbeitete Datensätze pro Stunde: %1 in den letzten 24 Stunden; die stärkste Stunde war %2–%3 mit %4.</translation>
    </message>
    <message numerus="yes">
        <source>%1–%2: %Ln record(s)</source>
        <translation>
            <numerusform>%1–%2: %Ln Datensatz</numerusform>
            <numerusform>%1–%2: %Ln Datensätze</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::RecordsTab</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>No job selected</source>
        <translation>Kein Job ausgewählt</translation>
    </message>
    <message>
        <source>This gateway has no per-record results for this job</source>
        <translation>Dieses Gateway hat für diesen Job keine Ergebnisse je Datensatz</translation>
    </message>
    <message>
        <source>Per-record results come from Bifrost&apos;s native batch API (/v1/batches/{id}/results), which this gateway does not answer for this job. The record counts in Overview are what it reports.</source>
        <translation>Ergebnisse je Datensatz kommen aus Bifrosts nativer Batch-API (/v1/batches/{id}/results), die dieses Gateway für diesen Job nicht beantwortet. Die Datensatzzahlen in der Übersicht sind das, was es meldet.</translation>
    </message>
    <message>
        <source>Results not fetched yet</source>
        <translation>Ergebnisse noch nicht abgerufen</translation>
    </message>
    <message>
        <source>Fetch the per-record results to see how many records succeeded and why the others failed. Only a summary is kept, not the records.</source>
        <translation>Rufen Sie die Ergebnisse je Datensatz ab, um zu sehen, wie viele Datensätze erfolgreich waren und warum die anderen fehlschlugen. Nur eine Zusammenfassung wird behalten, nicht die Datensätze.</translation>
    </message>
    <message>
        <source>Results are read when the job ends; fetch them now to see what has been written so far.</source>
        <translation>Die Ergebnisse werden gelesen, wenn der Job endet; rufen Sie sie jetzt ab, um zu sehen, was bisher geschrieben wurde.</translation>
    </message>
    <message>
        <source> · fetched %1</source>
        <translation> · abgerufen %1</translation>
    </message>
    <message>
        <source> · the read stopped before the end</source>
        <translation> · das Lesen endete vorzeitig</translation>
    </message>
    <message>
        <source>Capped at %1 MiB: the counts cover the first %1 MiB of the results only.</source>
        <translation>Begrenzt auf %1 MiB: Die Zahlen umfassen nur die ersten %1 MiB der Ergebnisse.</translation>
    </message>
    <message>
        <source>Failed records were counted without an error code or message.</source>
        <translation>Fehlgeschlagene Datensätze wurden ohne Fehlercode oder Meldung gezählt.</translation>
    </message>
    <message>
        <source>No record failed.</source>
        <translation>Kein Datensatz ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch results</source>
        <translation>Ergebnisse abrufen</translation>
    </message>
    <message>
        <source>Read the per-record results again</source>
        <translation>Die Ergebnisse je Datensatz erneut lesen</translation>
    </message>
    <message>
        <source>Read the job&apos;s per-record results</source>
        <translation>Die Ergebnisse je Datensatz des Jobs lesen</translation>
    </message>
    <message>
        <source>%1 MiB read</source>
        <translation>%1 MiB gelesen</translation>
    </message>
    <message>
        <source>Reading stops at %1 MiB</source>
        <translation>Das Lesen endet bei %1 MiB</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n error group(s)</source>
        <translation>
            <numerusform>%n Fehlergruppe kopiert</numerusform>
            <numerusform>%n Fehlergruppen kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n sample id(s)</source>
        <translation>
            <numerusform>%n Beispiel-ID kopiert</numerusform>
            <numerusform>%n Beispiel-IDs kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy Selected Groups</source>
        <translation>Ausgewählte Gruppen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy All Groups</source>
        <translation>Alle Gruppen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Sample &amp;Ids</source>
        <translation>Beispiel-&amp;IDs kopieren</translation>
    </message>
    <message>
        <source>Export Failed Records</source>
        <translation>Fehlgeschlagene Datensätze exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed record(s) written · %1 MiB read</source>
        <translation>
            <numerusform>%n fehlgeschlagener Datensatz geschrieben · %1 MiB gelesen</numerusform>
            <numerusform>%n fehlgeschlagene Datensätze geschrieben · %1 MiB gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the records that did not succeed as JSON lines (custom id, outcome, code, message), ready for resubmission</source>
        <translation>Die nicht erfolgreichen Datensätze als JSON Lines speichern (Custom-ID, Ergebnis, Code, Meldung), bereit zum erneuten Einreichen</translation>
    </message>
    <message>
        <source>No record failed: there is nothing to export</source>
        <translation>Kein Datensatz ist fehlgeschlagen: Es gibt nichts zu exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) read</source>
        <translation>
            <numerusform>%Ln Datensatz gelesen</numerusform>
            <numerusform>%Ln Datensätze gelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::Report</name>
    <message>
        <source>1 job</source>
        <translation>1 Job</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 Jobs</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exportiert %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>The gateway last answered that it does not know this job (HTTP 404).</source>
        <translation>Das Gateway antwortete zuletzt, dass es diesen Job nicht kennt (HTTP 404).</translation>
    </message>
    <message>
        <source>Last poll failed: %1</source>
        <translation>Letzte Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Record counts: %1</source>
        <translation>Datensatzzahlen: %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation>Subnetze</translation>
    </message>
    <message>
        <source>Not in a VPC.</source>
        <translation>Nicht in einer VPC.</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>No message.</source>
        <translation>Keine Meldung.</translation>
    </message>
    <message>
        <source>No time is known for this job yet.</source>
        <translation>Für diesen Job ist noch keine Zeit bekannt.</translation>
    </message>
    <message>
        <source>Timeline of %1</source>
        <translation>Zeitverlauf von %1</translation>
    </message>
    <message>
        <source>No status change observed.</source>
        <translation>Keine Statusänderung beobachtet.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Observed at</source>
        <translation>Beobachtet um</translation>
    </message>
    <message>
        <source>Gateway&apos;s last modified</source>
        <translation>Letzte Änderung laut Gateway</translation>
    </message>
    <message>
        <source>Time in previous status</source>
        <translation>Zeit im vorherigen Status</translation>
    </message>
    <message>
        <source>Summary (times in UTC)</source>
        <translation>Zusammenfassung (Zeiten in UTC)</translation>
    </message>
    <message>
        <source>No jobs in this export.</source>
        <translation>Keine Jobs in diesem Export.</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source> … cut, %1 bytes more</source>
        <translation> … gekürzt, %1 Bytes mehr</translation>
    </message>
    <message>
        <source>not reported by this gateway</source>
        <translation>von diesem Gateway nicht gemeldet</translation>
    </message>
    <message>
        <source>%1 records/min (over %2, %3 samples)</source>
        <translation>%1 Datensätze/min (über %2, %3 Messungen)</translation>
    </message>
    <message>
        <source>%1 / %2 (%3)</source>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <source>%1 processed</source>
        <translation>%1 verarbeitet</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Job ARN</source>
        <translation>Job-ARN</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>Rollen-ARN</translation>
    </message>
    <message>
        <source>Client request token</source>
        <translation>Client-Anfragetoken</translation>
    </message>
    <message>
        <source>Invocation type</source>
        <translation>Aufrufart</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>still queued close to expiry</source>
        <translation>wartet noch kurz vor dem Ablauf</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Watched since</source>
        <translation>Beobachtet seit</translation>
    </message>
    <message>
        <source>Last fetched</source>
        <translation>Zuletzt abgerufen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Last-known data: not confirmed by the gateway since %1.</source>
        <translation>Letzter bekannter Stand: seit %1 nicht vom Gateway bestätigt.</translation>
    </message>
    <message>
        <source>Total records</source>
        <translation>Datensätze gesamt</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error share</source>
        <translation>Fehleranteil</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Estimated finish</source>
        <translation>Voraussichtliches Ende</translation>
    </message>
    <message>
        <source>%1 (in %2, %3 records left)</source>
        <translation>%1 (in %2, %3 Datensätze übrig)</translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation>Durchschnittliche Rate</translation>
    </message>
    <message>
        <source>%1 (beyond the right edge)</source>
        <translation>%1 (jenseits des rechten Rands)</translation>
    </message>
    <message>
        <source>S3 URI</source>
        <translation>S3-URI</translation>
    </message>
    <message>
        <source>Input format</source>
        <translation>Eingabeformat</translation>
    </message>
    <message>
        <source>Bucket owner</source>
        <translation>Bucket-Besitzer</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>Schlüssel für die Verschlüsselung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>batchwatch report</source>
        <translation>batchwatch-Bericht</translation>
    </message>
    <message>
        <source>batchwatch report — %1</source>
        <translation>batchwatch-Bericht — %1</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>übermittelt</translation>
    </message>
    <message>
        <source>last modified</source>
        <translation>zuletzt geändert</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>läuft ab</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>nicht beobachtet</translation>
    </message>
    <message>
        <source>%1 (last known)</source>
        <translation>%1 (zuletzt bekannt)</translation>
    </message>
    <message>
        <source>expiry time %1 →</source>
        <translation>Ablaufzeit %1 →</translation>
    </message>
    <message>
        <source>expires %1 →</source>
        <translation>läuft ab %1 →</translation>
    </message>
    <message>
        <source>times in UTC</source>
        <translation>Zeiten in UTC</translation>
    </message>
    <message>
        <source>en</source>
        <extracomment>The language code of this translation (BCP 47, e.g. &quot;de&quot;), for &lt;html lang=&quot;…&quot;&gt;</extracomment>
        <translation>de</translation>
    </message>
</context>
<context>
    <name>bw::ResultsVerdict</name>
    <message>
        <source>Failed by the gateway — %1 of %2 records succeeded</source>
        <translation>Vom Gateway als fehlgeschlagen gemeldet — %1 von %2 Datensätzen erfolgreich</translation>
    </message>
    <message>
        <source>Completed by the gateway — %1 of %2 records did not succeed</source>
        <translation>Vom Gateway als abgeschlossen gemeldet — %1 von %2 Datensätzen nicht erfolgreich</translation>
    </message>
    <message>
        <source>(in the part of the results read)</source>
        <translation>(im gelesenen Teil der Ergebnisse)</translation>
    </message>
</context>
<context>
    <name>bw::Screenshot</name>
    <message>
        <source>there is no window to render</source>
        <translation>es gibt kein Fenster zum Rendern</translation>
    </message>
    <message>
        <source>no file name given for the screenshot</source>
        <translation>kein Dateiname für das Bildschirmfoto angegeben</translation>
    </message>
    <message>
        <source>the window was closed</source>
        <translation>das Fenster wurde geschlossen</translation>
    </message>
    <message>
        <source>no watched job matches &quot;%1&quot;</source>
        <translation>kein beobachteter Job passt zu „%1“</translation>
    </message>
    <message>
        <source>the details panel has no tab &quot;%1&quot;</source>
        <translation>der Detailbereich hat keinen Reiter „%1“</translation>
    </message>
    <message>
        <source>the window could not be rendered</source>
        <translation>das Fenster konnte nicht gerendert werden</translation>
    </message>
    <message>
        <source>cannot write %1: the folder does not exist</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>bw::SecretStore</name>
    <message>
        <source>No keychain service is running: the key is kept for this session only.</source>
        <translation>Es läuft kein Schlüsselbund-Dienst: Der Schlüssel wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet.</translation>
    </message>
</context>
<context>
    <name>bw::SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A job that is still queued when its expiration time passes expires without running.</source>
        <translation>Ein Job, der bei Erreichen seiner Ablaufzeit noch wartet, läuft ab, ohne ausgeführt zu werden.</translation>
    </message>
    <message>
        <source>%1 h %2 min before the job expires</source>
        <translation>%1 h %2 min vor dem Ablauf des Jobs</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) before the job expires</source>
        <translation>
            <numerusform>%n Stunde vor dem Ablauf des Jobs</numerusform>
            <numerusform>%n Stunden vor dem Ablauf des Jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
</context>
<context>
    <name>bw::StatusBadgeDelegate</name>
    <message>
        <source>The gateway reports &quot;%1&quot;. %2</source>
        <translation>Das Gateway meldet „%1“. %2</translation>
    </message>
    <message>
        <source>Shown as %1: the record counts say so.</source>
        <translation>Als %1 angezeigt: Die Datensatzzahlen sagen es so.</translation>
    </message>
</context>
<context>
    <name>bw::StatusBarFields</name>
    <message>
        <source>Last refresh</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Next poll</source>
        <translation>Nächste Abfrage</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Offene Anfragen</translation>
    </message>
    <message>
        <source>Job counts</source>
        <translation>Job-Anzahlen</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>Letzte Aktualisierung %1</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation>Abfragen pausiert</translation>
    </message>
    <message>
        <source>Waiting for a key</source>
        <translation>Warte auf einen Schlüssel</translation>
    </message>
    <message>
        <source>Waiting for the key</source>
        <translation>Warte auf den Schlüssel</translation>
    </message>
    <message>
        <source>Polling now</source>
        <translation>Frage jetzt ab</translation>
    </message>
    <message>
        <source>Next poll in %1</source>
        <translation>Nächste Abfrage in %1</translation>
    </message>
    <message>
        <source>All jobs settled</source>
        <translation>Alle Jobs beendet</translation>
    </message>
    <message>
        <source>Nothing to poll</source>
        <translation>Nichts abzufragen</translation>
    </message>
    <message>
        <source>In flight: %1</source>
        <translation>Offene Anfragen: %1</translation>
    </message>
    <message>
        <source>Watched: %1 · Queued: %2 · Running: %3 · Failed: %4</source>
        <translation>Beobachtet: %1 · Ausstehend: %2 · Läuft: %3 · Fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source> · Unknown status: %1</source>
        <translation> · Unbekannter Status: %1</translation>
    </message>
    <message>
        <source>Queued: Submitted, Validating or Scheduled. Running: InProgress or Stopping. Failed: Failed or PartiallyCompleted. The status chips count the same groups.</source>
        <translation>Ausstehend: Übermittelt, Wird geprüft oder Geplant. Läuft: In Bearbeitung oder Wird gestoppt. Fehlgeschlagen: Fehlgeschlagen oder Teilweise abgeschlossen. Die Status-Chips zählen dieselben Gruppen.</translation>
    </message>
    <message>
        <source>Shared store</source>
        <translation>Gemeinsamer Speicher</translation>
    </message>
    <message>
        <source>Another client polls</source>
        <translation>Ein anderer Client fragt ab</translation>
    </message>
    <message>
        <source>Waiting for the poller lease</source>
        <translation>Wartet auf die Abfrage-Sperre</translation>
    </message>
    <message>
        <source>No poll scheduled</source>
        <translation>Keine Abfrage geplant</translation>
    </message>
</context>
<context>
    <name>bw::StatusDistributionChart</name>
    <message>
        <source>Jobs per status</source>
        <translation>Jobs je Status</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Jobs per status: %1.</source>
        <translation>Jobs je Status: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln job(s)</source>
        <translation>
            <numerusform>%1: %Ln Job</numerusform>
            <numerusform>%1: %Ln Jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::StopJobsDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>The stop has not been sent.</source>
        <translation>Der Stopp wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation>Batch abbrechen</translation>
    </message>
    <message>
        <source>Stop Job</source>
        <translation>Job stoppen</translation>
    </message>
    <message>
        <source>Cancel the batch “%1”?</source>
        <translation>Den Batch „%1“ abbrechen?</translation>
    </message>
    <message>
        <source>Stop the job “%1”?</source>
        <translation>Den Job „%1“ stoppen?</translation>
    </message>
    <message>
        <source>(One selected job has already ended and is left out.)</source>
        <translation>(Ein ausgewählter Job ist bereits beendet und wird ausgelassen.)</translation>
    </message>
    <message>
        <source>&amp;Stop Job</source>
        <translation>Job &amp;stoppen</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>Batch &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Keep Running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Select the batches to cancel.</source>
        <translation>Wählen Sie die abzubrechenden Batches.</translation>
    </message>
    <message>
        <source>Select the jobs to stop.</source>
        <translation>Wählen Sie die zu stoppenden Jobs.</translation>
    </message>
    <message>
        <source>Ask the provider, through the gateway, to cancel the selected batches</source>
        <translation>Den Anbieter über das Gateway bitten, die ausgewählten Batches abzubrechen</translation>
    </message>
    <message>
        <source>Ask the gateway to stop the selected jobs</source>
        <translation>Das Gateway bitten, die ausgewählten Jobs zu stoppen</translation>
    </message>
    <message>
        <source>This batch has already ended (%1): there is nothing to cancel.</source>
        <translation>Dieser Batch ist bereits beendet (%1): Es gibt nichts abzubrechen.</translation>
    </message>
    <message>
        <source>This job has already ended (%1): there is nothing to stop.</source>
        <translation>Dieser Job ist bereits beendet (%1): Es gibt nichts zu stoppen.</translation>
    </message>
    <message>
        <source>These batches have all ended: there is nothing to cancel.</source>
        <translation>Diese Batches sind alle beendet: Es gibt nichts abzubrechen.</translation>
    </message>
    <message>
        <source>These jobs have all ended: there is nothing to stop.</source>
        <translation>Diese Jobs sind alle beendet: Es gibt nichts zu stoppen.</translation>
    </message>
    <message>
        <source>&amp;Cancel %1 Batches…</source>
        <translation>%1 Batches &amp;abbrechen…</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch…</source>
        <translation>Batch &amp;abbrechen…</translation>
    </message>
    <message>
        <source>&amp;Stop %1 Jobs…</source>
        <translation>%1 Jobs &amp;stoppen…</translation>
    </message>
    <message>
        <source>&amp;Stop Job…</source>
        <translation>Job &amp;stoppen…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sende…</translation>
    </message>
    <message>
        <source>Sending stop request…</source>
        <translation>Stoppanfrage wird gesendet…</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Cancel accepted: the batch is now %1.</source>
        <translation>Abbruch angenommen: Der Batch ist jetzt %1.</translation>
    </message>
    <message>
        <source>Stop accepted: the job is now %1.</source>
        <translation>Stopp angenommen: Der Job ist jetzt %1.</translation>
    </message>
    <message>
        <source>Cancel accepted.</source>
        <translation>Abbruch angenommen.</translation>
    </message>
    <message>
        <source>Stop accepted.</source>
        <translation>Stopp angenommen.</translation>
    </message>
    <message>
        <source>No longer stoppable</source>
        <translation>Nicht mehr stoppbar</translation>
    </message>
    <message>
        <source>No longer stoppable: the job has already ended or is ending. (%1)</source>
        <translation>Nicht mehr stoppbar: Der Job ist bereits beendet oder endet gerade. (%1)</translation>
    </message>
    <message>
        <source>Not stopped (HTTP %1)</source>
        <translation>Nicht gestoppt (HTTP %1)</translation>
    </message>
    <message>
        <source>Not stopped (%1)</source>
        <translation>Nicht gestoppt (%1)</translation>
    </message>
    <message>
        <source>Not stopped: %1</source>
        <translation>Nicht gestoppt: %1</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. The cancel request is sent when you press “Cancel Batch”.</source>
        <translation>Noch wurde nichts gesendet. Die Abbruchanfrage wird gesendet, wenn Sie „Batch abbrechen“ drücken.</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. The stop request is sent when you press “Stop Job”.</source>
        <translation>Noch wurde nichts gesendet. Die Stoppanfrage wird gesendet, wenn Sie „Job stoppen“ drücken.</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. The cancel requests are sent when you press “Cancel %1 Batches”.</source>
        <translation>Noch wurde nichts gesendet. Die Abbruchanfragen werden gesendet, wenn Sie „%1 Batches abbrechen“ drücken.</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. The stop requests are sent when you press “Stop %1 Jobs”.</source>
        <translation>Noch wurde nichts gesendet. Die Stoppanfragen werden gesendet, wenn Sie „%1 Jobs stoppen“ drücken.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n Batch(es)</source>
        <translation>
            <numerusform>%n Batch abbrechen</numerusform>
            <numerusform>%n Batches abbrechen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop %n Job(s)</source>
        <translation>
            <numerusform>%n Job stoppen</numerusform>
            <numerusform>%n Jobs stoppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel these %n batch(es)?</source>
        <translation>
            <numerusform>Diesen %n Batch abbrechen?</numerusform>
            <numerusform>Diese %n Batches abbrechen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop these %n job(s)?</source>
        <translation>
            <numerusform>Diesen %n Job stoppen?</numerusform>
            <numerusform>Diese %n Jobs stoppen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n selected job(s) have already ended and are left out.)</source>
        <translation>
            <numerusform>(%n ausgewählter Job ist bereits beendet und wird ausgelassen.)</numerusform>
            <numerusform>(%n ausgewählte Jobs sind bereits beendet und werden ausgelassen.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Stop %n Job(s)</source>
        <translation>
            <numerusform>%n Job &amp;stoppen</numerusform>
            <numerusform>%n Jobs &amp;stoppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n Batch(es)</source>
        <translation>
            <numerusform>%n Batch &amp;abbrechen</numerusform>
            <numerusform>%n Batches &amp;abbrechen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancel request(s) accepted.</source>
        <translation>
            <numerusform>%n Abbruchanfrage angenommen.</numerusform>
            <numerusform>%n Abbruchanfragen angenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop request(s) accepted.</source>
        <translation>
            <numerusform>%n Stoppanfrage angenommen.</numerusform>
            <numerusform>%n Stoppanfragen angenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) could no longer be stopped.</source>
        <translation>
            <numerusform>%n Job ließ sich nicht mehr stoppen.</numerusform>
            <numerusform>%n Jobs ließen sich nicht mehr stoppen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) failed.</source>
        <translation>
            <numerusform>%n Anfrage fehlgeschlagen.</numerusform>
            <numerusform>%n Anfragen fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n answer(s)…</source>
        <translation>
            <numerusform>Warte auf %n Antwort…</numerusform>
            <numerusform>Warte auf %n Antworten…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::TransitionHistoryModel</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Observed at</source>
        <translation>Beobachtet um</translation>
    </message>
    <message>
        <source>Gateway&apos;s last change</source>
        <translation>Letzte Änderung laut Gateway</translation>
    </message>
    <message>
        <source>Time in previous status</source>
        <translation>Zeit im vorherigen Status</translation>
    </message>
    <message>
        <source>From the gateway&apos;s last-modified times</source>
        <translation>Aus den Änderungszeiten des Gateways</translation>
    </message>
    <message>
        <source>From the times batchwatch observed the changes</source>
        <translation>Aus den Zeiten, zu denen batchwatch die Änderungen beobachtete</translation>
    </message>
</context>
<context>
    <name>bw::VpcListModel</name>
    <message>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation>Subnetze</translation>
    </message>
</context>
<context>
    <name>bw::VpcTab</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>In a VPC</source>
        <translation>In einer VPC</translation>
    </message>
    <message>
        <source>The job runs with these security groups and subnets. Select an id and press Ctrl+C to copy it.</source>
        <translation>Der Job läuft mit diesen Sicherheitsgruppen und Subnetzen. Wählen Sie eine ID und drücken Sie Strg+C, um sie zu kopieren.</translation>
    </message>
    <message>
        <source>Not in a VPC</source>
        <translation>Nicht in einer VPC</translation>
    </message>
    <message>
        <source>The gateway reports no VPC configuration for this job.</source>
        <translation>Das Gateway meldet für diesen Job keine VPC-Konfiguration.</translation>
    </message>
    <message>
        <source>Not reported by this gateway</source>
        <translation>Von diesem Gateway nicht gemeldet</translation>
    </message>
    <message>
        <source>This gateway&apos;s responses do not carry vpcConfig, so whether the job runs in a VPC is unknown.</source>
        <translation>Die Antworten dieses Gateways enthalten kein vpcConfig; ob der Job in einer VPC läuft, ist daher unbekannt.</translation>
    </message>
    <message>
        <source>VPC: %1</source>
        <translation>VPC: %1</translation>
    </message>
    <message>
        <source>Copy &amp;All Security Group IDs</source>
        <translation>&amp;Alle Sicherheitsgruppen-IDs kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;All Subnet IDs</source>
        <translation>&amp;Alle Subnetz-IDs kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n security group ID(s)</source>
        <translation>
            <numerusform>%n Sicherheitsgruppen-ID kopiert</numerusform>
            <numerusform>%n Sicherheitsgruppen-IDs kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n subnet ID(s)</source>
        <translation>
            <numerusform>%n Subnetz-ID kopiert</numerusform>
            <numerusform>%n Subnetz-IDs kopiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bw::WatchListActions</name>
    <message>
        <source>Added to the watch list: %1</source>
        <translation>Zur Beobachtungsliste hinzugefügt: %1</translation>
    </message>
    <message>
        <source>No key stored for this profile: enter it to refresh</source>
        <translation>Für dieses Profil ist kein Schlüssel gespeichert: Geben Sie ihn zum Aktualisieren ein</translation>
    </message>
    <message>
        <source>Refreshing once the key is read…</source>
        <translation>Aktualisierung, sobald der Schlüssel gelesen ist…</translation>
    </message>
    <message>
        <source>Refreshing every job that is still polled…</source>
        <translation>Alle noch abgefragten Jobs werden aktualisiert…</translation>
    </message>
    <message>
        <source>Stop requests accepted: %1</source>
        <translation>Stoppanfragen angenommen: %1</translation>
    </message>
    <message>
        <source>Stop requests accepted: %1, failed: %2</source>
        <translation>Stoppanfragen angenommen: %1, fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Removed from the watch list: %1</source>
        <translation>Von der Beobachtungsliste entfernt: %1</translation>
    </message>
    <message>
        <source>Another client polls this gateway: reading its latest from the shared store</source>
        <translation>Ein anderer Client fragt dieses Gateway ab: lese seinen neuesten Stand aus dem gemeinsamen Speicher</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop monitor for AI batch-inference jobs (AWS Bedrock format, Bifrost gateway).</source>
        <translation>Desktop-Monitor für KI-Batch-Inferenz-Jobs (AWS-Bedrock-Format, Bifrost-Gateway).</translation>
    </message>
    <message>
        <source>Start the built-in demo gateway and show it.</source>
        <translation>Das eingebaute Demo-Gateway starten und zeigen.</translation>
    </message>
    <message>
        <source>Start the demo gateway when no profile exists yet.</source>
        <translation>Das Demo-Gateway starten, wenn noch kein Profil existiert.</translation>
    </message>
    <message>
        <source>Keep the database in &lt;dir&gt;.</source>
        <translation>Die Datenbank in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <source>Render the main window to &lt;file&gt; (PNG) and quit.</source>
        <translation>Das Hauptfenster in &lt;file&gt; (PNG) rendern und beenden.</translation>
    </message>
    <message>
        <source>Select the job &lt;id&gt; at start-up.</source>
        <translation>Beim Start den Job &lt;id&gt; auswählen.</translation>
    </message>
    <message>
        <source>Show the details tab &lt;name&gt;: %1.</source>
        <translation>Den Detail-Reiter &lt;name&gt; zeigen: %1.</translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1280x800.</source>
        <translation>Fenstergröße in Pixeln, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>Show the view &lt;name&gt; at start-up: %1.</source>
        <translation>Beim Start die Ansicht &lt;name&gt; zeigen: %1.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a directory.</source>
        <translation>--data-dir braucht ein Verzeichnis.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>Unknown tab &quot;%1&quot;; use one of: %2.</source>
        <translation>Unbekannter Reiter „%1“; erlaubt sind: %2.</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; use one of: %2.</source>
        <translation>Unbekannte Ansicht „%1“; erlaubt sind: %2.</translation>
    </message>
    <message>
        <source>Invalid --size &quot;%1&quot;: use WIDTHxHEIGHT, each %2 to %3.</source>
        <translation>Ungültige --size „%1“: BREITExHÖHE angeben, jeweils %2 bis %3.</translation>
    </message>
</context>
</TS>
