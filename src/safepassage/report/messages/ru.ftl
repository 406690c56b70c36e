# Русские слова отчётов: оценки, даты, оговорки, подписи всех форматов. Фразы каждого фактора —
# в его каталоге рядом с модулем (assess/factors/<имя>.ru.ftl). Идентификаторы те же, что в
# en.ftl (это проверяет тест). Синтаксис: Project Fluent (https://projectfluent.org/fluent/guide/).
#
# Название страны приходит во всех падежах: $x (им.), $x-gen, $x-dat, $x-acc, $x-ins, $x-loc,
# и с предлогом: $x-in («в Казахстане», «на Кубе»), $x-to («в Казахстан»), $x-from («из России»).
# Числа выбирают форму: [one] 1, 21; [few] 2–4, 22; [many] 5–20, 25.

sentences = { $parts }

## Одно слово (сочетание) на каждую ступень оценки, одинаковое на всех страницах и в PDF.
## «Опасно», а не «небезопасно»: верхняя ступень должна звучать недвусмысленно; «безопасно» не
## бывает ни для одной страны (docs/assessment.md).
rating-unsafe = опасно
rating-elevated = повышенный риск
rating-moderate = умеренный риск
rating-lower = пониженный риск
rating-unknown = недостаточно данных

confidence-high = высокая
confidence-medium = средняя
confidence-low = низкая

## Даты так, как их произносят: «7 февраля 2025 года», «в феврале 2025 года», «в 2025 году».
date = { $precision ->
    [day] { $day } { $month-gen } { $year } года
    [month] { $month-name } { $year } года
   *[year] { $year } год
 }
date-in = { $precision ->
    [day] { $day } { $month-gen } { $year } года
    [month] в { $month ->
        [1] январе
        [2] феврале
        [3] марте
        [4] апреле
        [5] мае
        [6] июне
        [7] июле
        [8] августе
        [9] сентябре
        [10] октябре
        [11] ноябре
       *[12] декабре
    } { $year } года
   *[year] в { $year } году
 }

people = { $precision ->
    [one] около { $low } { $n ->
        [one] человека
       *[other] человек
    }
   *[range] от { $low } до { $high } { $n ->
        [one] человека
       *[other] человек
    }
 }
km = { $km } км

## Договоры и объединения (instruments.yaml) — как их называют в предложении (именительный падеж).
instrument-minsk-1993 = Минская конвенция о правовой помощи (1993)
instrument-chisinau-2002 = Кишинёвская конвенция о правовой помощи (2002)
instrument-cis = СНГ
instrument-eaeu = Евразийский экономический союз
instrument-csto = ОДКБ
instrument-sco = ШОС
instrument-shanghai-convention-2001 = Шанхайская конвенция о борьбе с терроризмом, сепаратизмом и экстремизмом (2001)
instrument-coe = Совет Европы
instrument-echr = Европейская конвенция о защите прав человека
instrument-ece-extradition-1957 = Европейская конвенция о выдаче (1957)
instrument-refugee-convention-1951 = Конвенция о статусе беженцев (1951)
instrument-refugee-protocol-1967 = Протокол о статусе беженцев (1967)
instrument-cat-art22 = индивидуальные жалобы в Комитет ООН против пыток
instrument-op-cedaw = индивидуальные жалобы в Комитет ООН по ликвидации дискриминации в отношении женщин
instrument-iccpr-op1 = индивидуальные жалобы в Комитет ООН по правам человека
instrument-riyadh-1983 = Эр-Риядское арабское соглашение о судебном сотрудничестве (1983)
instrument-gcc = Совет сотрудничества арабских государств Персидского залива
instrument-arab-terrorism-1998 = Арабская конвенция о борьбе с терроризмом (1998)
instrument-gcc-security-2012 = Соглашение о безопасности стран Персидского залива (2012)
instrument-ecst-1977 = Европейская конвенция о пресечении терроризма (1977)
instrument-sco-extremism-2017 = Конвенция ШОС о противодействии экстремизму (2017)
instrument-interpol = Интерпол
instrument-cat = Конвенция против пыток

## Общины, как их называют факты; .gen — родительный падеж.
community-afghan = афганская община
    .gen = афганской общины
community-bahraini = бахрейнская община
    .gen = бахрейнской общины
community-chechen = чеченская община
    .gen = чеченской общины
community-dagestani = дагестанская община
    .gen = дагестанской общины
community-egyptian = египетская община
    .gen = египетской общины
community-emirati = эмиратская община
    .gen = эмиратской общины
community-gulenist = община сторонников движения Гюлена
    .gen = общины сторонников движения Гюлена
community-hongkonger = гонконгская община
    .gen = гонконгской общины
community-ingush = ингушская община
    .gen = ингушской общины
community-iranian = иранская община
    .gen = иранской общины
community-karakalpak = каракалпакская община
    .gen = каракалпакской общины
community-kurdish = курдская община
    .gen = курдской общины
community-saudi = саудовская община
    .gen = саудовской общины
community-tajik = таджикская община
    .gen = таджикской общины
community-tibetan = тибетская община
    .gen = тибетской общины
community-turkmen = туркменская община
    .gen = туркменской общины
community-uyghur = уйгурская община
    .gen = уйгурской общины
community-uzbek = узбекская община
    .gen = узбекской общины
community-other = община «{ $code }»
    .gen = общины «{ $code }»

fact-unknown = факт, которого больше нет в базе знаний ({ $id })

## Факт внутри вывода, сказанный по его типизированным данным, когда у факта нет русского текста.
fact-incident = Случай { $when-in } { $where-in }{ $origin ->
        [none] {""}
       *[known] {" "}({ $who ->
            [female] женщина
            [male] мужчина
           *[unknown] человек
        }; преследует { $origin })
    }: { $outcomes }.
fact-cooperation_practice = { $here-in } — { $level ->
        [routine] обычная практика
        [documented] задокументированная практика
       *[rare] единичные случаи
    }: { $practice ->
        [extradition] экстрадиция людей по запросам { $counterpart-gen }
        [deportation] депортация людей { $counterpart-to }
        [wanted_list_detention] задержания по розыскным запросам { $counterpart-gen }
        [handover_to_relatives] передача людей преследующим их родственникам
        [abduction] похищения людей в интересах { $counterpart-gen }
        [security_cooperation] сотрудничество спецслужб с { $counterpart-ins }
        [data_sharing] обмен данными с { $counterpart-ins }
       *[refused_extradition] отказы выдать людей по запросам { $counterpart-gen }
    }.
outcome-detained = задержание
outcome-handed_to_relatives = передача родственникам
outcome-extradited = экстрадиция
outcome-deported = депортация
outcome-abducted = похищение
outcome-killed = убийство
outcome-attacked = нападение
outcome-released = освобождение
outcome-protected = защита властями
outcome-granted_asylum = предоставлено убежище
outcome-denied_asylum = отказ в убежище
outcome-returned_to_origin = возвращение в преследующее государство
outcome-extradition_refused = отказ в экстрадиции
outcome-attempted_killing = покушение на убийство
outcome-rendered = передача преследующему государству в обход закона
outcome-lured_back = возвращение под давлением или обманом
outcome-threatened = угрозы
outcome-relatives_targeted = давление на родственников
outcome-prevented_from_leaving = не выпустили из страны

factor-quoted = «{ $label }»

finding-floor = Уже поэтому оценка не ниже уровня «{ $rating }».
finding-english = (объяснение записано только по-английски)

caveat-structural = Оценка основана только на договорах, правилах въезда и статистике: о том, как здешние власти обращались с такими людьми, сведений нет, поэтому уверенность низкая.
caveat-floored = Оценка «{ $rating }» определяется одним выводом — { $label }, что бы ни говорили остальные.
caveat-floor = Один этот вывод — { $label } — не даёт оценке опуститься ниже уровня «{ $rating }».
caveat-bound = Задокументированные действия здешних властей — { $label } — нельзя уравновесить остальными выводами.
caveat-lifted = В среднем выводы указывают на «{ $lower }», но свидетельств защиты здесь нет, поэтому оценка — «{ $moderate }».
caveat-uncounted = { $labels }: задокументированный вред может только повышать оценку; там, где он весит меньше остального, он не входит в среднее — меньше известного вреда ещё не означает защиты.

report-title = Оценка безопасности для профиля { $profile }
report-as-of = По состоянию знаний на { $date } · база знаний { $version }
report-no-safe = Безопасных стран нет: оценки сравнивают риск.
report-ranking = Страны по степени риска
report-findings = Выводы
report-map = Карта мира по оценкам
report-not-assessed = не оценивалась
report-rank = №
report-country = страна
report-rating = оценка
report-score = балл
report-confidence = уверенность
report-main-reason = главная причина
report-factor = фактор
report-risk = риск
report-why = почему
report-sources = источники
report-base-data = базовые данные
report-no-score = балла нет
report-score-of = балл { $score } из 100
report-detail = { $rating }, { $score }, уверенность { $confidence } (факты охватывают { $coverage } важного)
report-coverage = Уверенность: { $confidence }; факты охватывают { $coverage } важного.
report-not-known = Неизвестно
report-too-little = известно слишком мало
