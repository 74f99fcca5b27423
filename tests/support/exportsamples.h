#pragma once

#include "export/exportdata.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace bw::test {

// Export inputs for the exporter and report tests.

// A secret planted in the base URL's user info and query, and echoed by a gateway error
// message: no export may contain it.
QString plantedSecret();
// https://alice:<secret>@gw.example.invalid:8443/bifrost?api_key=<secret>#<secret>
QUrl secretBaseUrl();
// The sanitised form every export must show.
QString sanitisedSecretBaseUrl();

// A job built from one fixture body: a retrieve-*.json body, or entry `listIndex` of a list-*.json
// page. Carries a plausible history (submit -> ... -> current status) and progress samples when
// the body has counts; fetched at `exportedAt()` minus a minute.
ExportJob fixtureJob(const QString &fixtureName, int listIndex = -1);

// Every retrieve fixture and every entry of list-page1-aws-native.json.
QList<ExportJob> fixtureJobs();

// Jobs whose text is hostile to every format: markup ("<script>", "&", quotes), CSV
// delimiters, CR/LF, formula prefixes (= + - @ TAB CR), non-ASCII, a 2 KiB message, a job never
// fetched, a job with a last error echoing the secret URL, a job with no status at all, a name
// full of QString::arg placeholders ("%1 %2").
QList<ExportJob> hostileJobs();

// `count` generated jobs over every status, with histories, samples, VPC and non-VPC.
QList<ExportJob> syntheticJobs(int count, quint32 seed = 1);

// The export time of every sample input: 2025-03-15T12:00:00.000Z.
QDateTime exportedAt();

// fixtureJobs() + hostileJobs() under profile "Team <prod> & \"staging\"" at secretBaseUrl().
ExportInput sampleInput();

} // namespace bw::test
