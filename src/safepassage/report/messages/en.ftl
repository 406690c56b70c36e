# The report layer's English words: ratings, dates, caveats, the page furniture of every output
# format. Each factor's own sentences are in its catalogue beside its module
# (assess/factors/<name>.en.ftl). ru.ftl has the same ids (a test compares them).
# Syntax: Project Fluent (https://projectfluent.org/fluent/guide/).

## Several sentences said one after another (a factor's finding made of parts).
sentences = { $parts }

## The rating bands: one word (or phrase) per band, the same on every page, PDF and printout.
## Chosen to be said aloud: "unsafe" for the top band, never "safe" for any (docs/assessment.md).
rating-unsafe = unsafe
rating-elevated = elevated risk
rating-moderate = moderate risk
rating-lower = lower risk
rating-unknown = unknown

confidence-high = high
confidence-medium = medium
confidence-low = low

## Dates as people say them. $precision is day, month or year; $month-name is Babel's.
date = { $precision ->
    [day] { $day } { $month-name } { $year }
    [month] { $month-name } { $year }
   *[year] { $year }
 }
date-in = { $precision ->
    [day] on { $day } { $month-name } { $year }
    [month] in { $month-name } { $year }
   *[year] in { $year }
 }

## Figures.
people = { $precision ->
    [one] about { $low } people
   *[range] { $low } to { $high } people
 }
km = { $km } km

## Treaties and blocs (instruments.yaml), as they are said in a sentence.
instrument-minsk-1993 = the Minsk Convention on legal assistance (1993)
instrument-chisinau-2002 = the Chisinau Convention on legal assistance (2002)
instrument-cis = the Commonwealth of Independent States
instrument-eaeu = the Eurasian Economic Union
instrument-csto = the Collective Security Treaty Organization
instrument-sco = the Shanghai Cooperation Organisation
instrument-shanghai-convention-2001 = the Shanghai Convention on terrorism, separatism and extremism (2001)
instrument-coe = the Council of Europe
instrument-echr = the European Convention on Human Rights
instrument-ece-extradition-1957 = the European Convention on Extradition (1957)
instrument-refugee-convention-1951 = the Refugee Convention (1951)
instrument-refugee-protocol-1967 = the Refugee Protocol (1967)
instrument-cat-art22 = individual complaints to the UN Committee against Torture
instrument-op-cedaw = individual complaints to the UN CEDAW Committee
instrument-iccpr-op1 = individual complaints to the UN Human Rights Committee
instrument-riyadh-1983 = the Riyadh Arab Agreement for Judicial Cooperation (1983)
instrument-gcc = the Gulf Cooperation Council
instrument-arab-terrorism-1998 = the Arab Convention for the Suppression of Terrorism (1998)
instrument-gcc-security-2012 = the GCC Security Agreement (2012)
instrument-ecst-1977 = the European Convention on the Suppression of Terrorism (1977)
instrument-sco-extremism-2017 = the SCO Convention on Countering Extremism (2017)
instrument-interpol = Interpol
instrument-cat = the Convention against Torture

## Communities as the facts name them (`community:` in the knowledge base), said as "the ...
## community"; a profile's community without an entry here is said by its code.
community-afghan = the Afghan community
community-bahraini = the Bahraini community
community-chechen = the Chechen community
community-dagestani = the Dagestani community
community-egyptian = the Egyptian community
community-emirati = the Emirati community
community-gulenist = the Gülen movement community
community-hongkonger = the Hong Kong community
community-ingush = the Ingush community
community-iranian = the Iranian community
community-karakalpak = the Karakalpak community
community-kurdish = the Kurdish community
community-saudi = the Saudi community
community-tajik = the Tajik community
community-tibetan = the Tibetan community
community-turkmen = the Turkmen community
community-uyghur = the Uyghur community
community-uzbek = the Uzbek community
community-other = the “{ $code }” community

## A fact said inside a finding's sentence when the reader's language has no text of its own
## for it (English always has one: the fact's summary).
fact-unknown = a fact no longer in the knowledge base ({ $id })

## A fact inside a finding's sentence, said from its typed values when the reader's language has
## no text of its own for it (in English the fact's summary is always said instead).
fact-incident = In { $where } { $when-in }{ $origin ->
        [none] {""}
       *[known] , a { $who ->
            [female] woman
            [male] man
           *[unknown] person
        } pursued by { $origin }
    }: { $outcomes }.
fact-cooperation_practice = { $here } — { $level ->
        [routine] routine practice
        [documented] documented practice
       *[rare] rare cases
    }: { $practice ->
        [extradition] extraditions at the request of { $counterpart }
        [deportation] deportations to { $counterpart }
        [wanted_list_detention] detentions on { $counterpart }'s wanted lists
        [handover_to_relatives] people handed over to the relatives pursuing them
        [abduction] abductions on behalf of { $counterpart }
        [security_cooperation] security cooperation with { $counterpart }
        [data_sharing] data sharing with { $counterpart }
       *[refused_extradition] refusals of { $counterpart }'s extradition requests
    }.
outcome-detained = detention
outcome-handed_to_relatives = handed over to relatives
outcome-extradited = extradition
outcome-deported = deportation
outcome-abducted = abduction
outcome-killed = killing
outcome-attacked = attack
outcome-released = release
outcome-protected = protection by the authorities
outcome-granted_asylum = asylum granted
outcome-denied_asylum = asylum refused
outcome-returned_to_origin = return to the pursuing state
outcome-extradition_refused = extradition refused
outcome-attempted_killing = attempted killing
outcome-rendered = handed to the pursuing state outside any legal process
outcome-lured_back = lured or pressed into returning
outcome-threatened = threats
outcome-relatives_targeted = pressure on relatives
outcome-prevented_from_leaving = stopped from leaving

## A factor's label inside a sentence.
factor-quoted = “{ $label }”

## Under each finding.
finding-floor = This alone keeps the rating at { $rating } or above.
finding-english = (explanation recorded in English only)

## How the rating came about beyond the findings (report/explain.py).
caveat-structural = Rated from treaties, entry rules and statistics only: nothing is on record about how the authorities here have treated people like this one, so confidence is low.
caveat-floored = The rating is { $rating } because of one finding alone, { $label }, whatever the others say.
caveat-floor = One finding alone, { $label }, keeps the rating at { $rating } or above.
caveat-bound = What the authorities here are documented doing, { $label }, cannot be averaged away by the other findings.
caveat-lifted = The findings on average point to { $lower }, but nothing here is evidence of protection, so the rating is { $moderate }.
caveat-uncounted = { $labels }: documented harm can only raise the rating; where it weighs less than the rest, it is left out of the average, because less harm on record is not protection.

## Page furniture of the text, Markdown and HTML reports.
report-title = Safety assessment for profile { $profile }
report-as-of = As known on { $date } · knowledge base { $version }
report-no-safe = No country is safe: ratings compare risk.
report-ranking = Ranking
report-findings = Findings
report-map = World map coloured by rating
report-not-assessed = not assessed
report-rank = #
report-country = country
report-rating = rating
report-score = score
report-confidence = confidence
report-main-reason = main reason
report-factor = factor
report-risk = risk
report-why = why
report-sources = sources
report-base-data = base data
report-no-score = no score
report-score-of = score { $score }/100
report-detail = { $rating }, { $score }, confidence { $confidence } (facts cover { $coverage } of what matters)
report-coverage = Confidence { $confidence }; facts cover { $coverage } of what matters.
report-not-known = Not known
report-too-little = too little is known
