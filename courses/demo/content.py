"""The two demo courses, in Bulgarian and English, written for Drom (our own words).

Question and choice ids are fixed so that the English translation shares them with the
Bulgarian page, as a wagtail-localize translation would.
"""


def p(*paragraphs):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def ul(*items):
    return ("paragraph", "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")


def h(text):
    return ("heading", {"text": text})


def callout(title, text):
    return ("callout", {"title": title, "text": f"<p>{text}</p>"})


def question(kind, qid, bg, en, correct=None):
    """bg and en hold "text", "feedback" and "choices" or "accepted"; correct is a choice
    index, a list of indexes, or a bool, by kind."""
    return {"kind": kind, "id": qid, "bg": bg, "en": en, "correct": correct}


def single(qid, bg, en, correct):
    return question("single_choice", qid, bg, en, correct)


def multiple(qid, bg, en, correct):
    return question("multiple_choice", qid, bg, en, correct)


def true_false(qid, bg, en, correct):
    return question("true_false", qid, bg, en, correct)


def short(qid, bg, en):
    return question("short_answer", qid, bg, en)


INTERCULTURAL = {
    "slug": "interkulturno-obrazovanie",
    "bg": {
        "title": "Интеркултурно образование в класната стая",
        "summary": "Как да превърнем различията между децата в ресурс за ученето: практически "
        "подходи, ромската култура в учебния час и работа срещу предразсъдъците.",
        "audience": "Учители в начален и прогимназиален етап, образователни медиатори и "
        "директори на училища с ученици от различен етнически и езиков произход.",
        "outcomes": "<ul><li>разпознавате стереотипи в учебните материали и в собствената си "
        "практика;</li><li>планирате урок, който използва опита и езика на децата;</li>"
        "<li>въвеждате ромски празници, песни и приказки в часа без екзотизиране;</li>"
        "<li>реагирате на обидни думи и изключване в класа.</li></ul>",
        "estimated_duration": "4 седмици, около 4 часа седмично",
        "programme_name": "Интеркултурно образование и приобщаване в класната стая",
    },
    "en": {
        "title": "Intercultural education in the classroom",
        "summary": "How to turn the differences between children into a resource for learning: "
        "practical approaches, Roma culture in the lesson and work against prejudice.",
        "audience": "Primary and lower-secondary teachers, educational mediators and principals "
        "of schools with pupils of different ethnic and language backgrounds.",
        "outcomes": "<ul><li>recognise stereotypes in teaching materials and in your own "
        "practice;</li><li>plan a lesson that builds on the children's experience and "
        "language;</li><li>bring Roma holidays, songs and tales into the lesson without "
        "exoticising them;</li><li>respond to slurs and exclusion in the class.</li></ul>",
        "estimated_duration": "4 weeks, about 4 hours a week",
        "programme_name": "Intercultural education and inclusion in the classroom",
    },
    "academic_hours": 16,
    "uin": "4000-2026-117",
    "credits": 1,
    # The approved programme's modules (block id, Bulgarian, English, academic hours).
    "modules": [
        (
            "modul-kultura",
            "Култура, идентичност и стереотипи",
            "Culture, identity and stereotypes",
            8,
        ),
        (
            "modul-urok",
            "Интеркултурният урок на практика",
            "The intercultural lesson in practice",
            8,
        ),
    ],
    "sequential": False,
    "steps": [
        {
            "kind": "lesson",
            "slug": "kultura-i-identichnost",
            "bg": {
                "title": "Култура и идентичност: от какво се състои един клас",
                "body": [
                    p(
                        "Всяко дете идва в училище с език, семейни истории, празници и навици. "
                        "Интеркултурното образование започва с въпроса какво вече знаят децата, "
                        "а не с това какво не им достига."
                    ),
                    ul(
                        "Идентичността е многопластова: детето е едновременно ученик, брат, "
                        "футболист, ром, жител на селото.",
                        "Културите се променят и се смесват — няма „чиста“ култура.",
                        "Говорим за хора, а не за „групи“: избягваме обобщения от типа "
                        "„ромите винаги…“.",
                    ),
                    callout(
                        "Опитайте",
                        "Помолете децата да нарисуват „карта на моя свят“ с "
                        "хората, езиците и местата, които са важни за тях.",
                    ),
                ],
                "reflection_prompt": "Помислете за един ученик от класа си. Какво знаете за "
                "неговия свят извън училище и какво бихте искали да научите?",
            },
            "en": {
                "title": "Culture and identity: what a class is made of",
                "body": [
                    p(
                        "Every child comes to school with a language, family stories, holidays "
                        "and habits. Intercultural education starts by asking what children "
                        "already know, not what they lack."
                    ),
                    ul(
                        "Identity has many layers: a child is at once a pupil, a brother, a "
                        "footballer, a Roma, a villager.",
                        "Cultures change and mix — there is no “pure” culture.",
                        "We speak about people, not “groups”: we avoid generalisations such as "
                        "“Roma always…”.",
                    ),
                    callout(
                        "Try it",
                        "Ask the children to draw a “map of my world” with the "
                        "people, languages and places that matter to them.",
                    ),
                ],
                "reflection_prompt": "Think of one pupil in your class. What do you know about "
                "their world outside school, and what would you like to learn?",
            },
        },
        {
            "kind": "lesson",
            "slug": "stereotipi-i-predrazsadatsi",
            "bg": {
                "title": "Стереотипи и предразсъдъци в училище",
                "body": [
                    p(
                        "Стереотипът е опростена представа за група хора; предразсъдъкът е "
                        "отношение, което следва от нея; дискриминацията е действие. И трите "
                        "могат да се появят неусетно — в примерите в учебника, в очакванията ни "
                        "към учениците, в шегите в междучасието."
                    ),
                    h("Ефектът на очакванията"),
                    p(
                        "Когато учителят очаква по-малко от някои деца, той им задава по-лесни "
                        "въпроси, дава им по-малко време да отговорят и по-рядко ги хвали. Децата "
                        "усещат това и постепенно започват да постигат по-малко."
                    ),
                    callout(
                        "Проверете",
                        "Прегледайте един урок от учебника: кой е показан на "
                        "илюстрациите, чии имена има в задачите, чии празници се споменават?",
                    ),
                ],
            },
            "en": {
                "title": "Stereotypes and prejudice at school",
                "body": [
                    p(
                        "A stereotype is a simplified picture of a group of people; prejudice is "
                        "the attitude that follows from it; discrimination is an action. All three "
                        "can creep in unnoticed — in textbook examples, in our expectations of "
                        "pupils, in jokes at break time."
                    ),
                    h("The expectation effect"),
                    p(
                        "When a teacher expects less of some children, they ask them easier "
                        "questions, give them less time to answer and praise them less often. "
                        "Children feel it and gradually begin to achieve less."
                    ),
                    callout(
                        "Check",
                        "Look through one textbook lesson: who is shown in the "
                        "pictures, whose names appear in the exercises, whose holidays are "
                        "mentioned?",
                    ),
                ],
            },
        },
        {
            "kind": "lesson",
            "slug": "romskata-kultura-v-chasa",
            "lesson_plan_card": True,
            "bg": {
                "title": "Ромската култура в учебния час",
                "plan_note": "Готов план на урок от библиотеката, който можете да използвате "
                "още тази седмица.",
                "body": [
                    p(
                        "Празниците Василица и Херделез, песните, приказките и занаятите могат да "
                        "бъдат част от часа по български език, музика или човекът и обществото — "
                        "като знание, което принадлежи на всички деца, а не като атракция."
                    ),
                    ul(
                        "Канете родители и баби да разкажат, а не само да танцуват.",
                        "Сравнявайте: как празнуваме пролетта в различните семейства?",
                        "Използвайте думи на романи, които децата сами предлагат.",
                    ),
                    p(
                        "8 април е Международният ден на ромите — добър повод за общ проект на "
                        "целия клас."
                    ),
                ],
            },
            "en": {
                "title": "Roma culture in the lesson",
                "plan_note": "A ready lesson plan from the library that you can use this week.",
                "body": [
                    p(
                        "The Vasilitsa and Herdelezi holidays, songs, tales and crafts can be part "
                        "of a Bulgarian language, music or social studies lesson — as knowledge "
                        "that belongs to all the children, not as an attraction."
                    ),
                    ul(
                        "Invite parents and grandmothers to tell stories, not only to dance.",
                        "Compare: how do different families celebrate spring?",
                        "Use Romani words that the children themselves suggest.",
                    ),
                    p(
                        "8 April is International Roma Day — a good occasion for a project for "
                        "the whole class."
                    ),
                ],
            },
        },
        {
            "kind": "quiz",
            "slug": "test-identichnost-i-stereotipi",
            "bg": {
                "title": "Тест: идентичност, стереотипи и култура",
                "introduction": "Пет въпроса върху първите три урока.",
            },
            "en": {
                "title": "Quiz: identity, stereotypes and culture",
                "introduction": "Five questions on the first three lessons.",
            },
            "rules": {
                "pass_mark": 70,
                "attempts_allowed": 3,
                "counting": "best",
                "review_policy": "passed",
                "shuffle_choices": True,
            },
            "questions": [
                single(
                    "ic1-q1",
                    {
                        "text": "Кое от изброените е пример за дискриминация?",
                        "choices": [
                            "Мисълта, че едно дете „няма да се справи“",
                            "Детето не е поканено в отбора заради произхода си",
                            "Убеждението, че всички от една група си приличат",
                        ],
                        "feedback": "Дискриминацията е действие; другите два отговора описват "
                        "предразсъдък и стереотип.",
                    },
                    {
                        "text": "Which of these is an example of discrimination?",
                        "choices": [
                            "Thinking that a child “won't cope”",
                            "A child is left out of the team because of their origin",
                            "Believing that everyone in a group is alike",
                        ],
                        "feedback": "Discrimination is an action; the other two answers "
                        "describe prejudice and a stereotype.",
                    },
                    1,
                ),
                multiple(
                    "ic1-q2",
                    {
                        # Romani words in Bulgarian text: [rom]…[/rom] (cms.romani).
                        "text": "Кои са ромски празници, споменати в урока? Единият от тях "
                        "ромите наричат [rom]Ederlezi[/rom].",
                        "choices": ["Василица", "Херделез", "Тодоровден", "Ханука"],
                        "feedback": "Василица (14 януари) и Херделез ([rom]Ederlezi[/rom], 6 май) "
                        "са сред най-обичаните ромски празници.",
                    },
                    {
                        "text": "Which Roma holidays were mentioned in the lesson? Roma call "
                        "one of them [rom]Ederlezi[/rom].",
                        "choices": ["Vasilitsa", "Herdelezi", "St Theodore's Day", "Hanukkah"],
                        "feedback": "Vasilitsa (14 January) and Herdelezi (6 May) are among "
                        "the best-loved Roma holidays.",
                    },
                    [0, 1],
                ),
                true_false(
                    "ic1-q3",
                    {
                        "text": "Ниските очаквания на учителя могат да намалят постиженията "
                        "на учениците.",
                        "feedback": "Да — това е ефектът на очакванията.",
                    },
                    {
                        "text": "A teacher's low expectations can lower pupils' achievement.",
                        "feedback": "Yes — this is the expectation effect.",
                    },
                    True,
                ),
                true_false(
                    "ic1-q4",
                    {
                        "text": "Всяка култура е затворена и не се променя.",
                        "feedback": "Културите се променят и се смесват непрекъснато.",
                    },
                    {
                        "text": "Every culture is closed and does not change.",
                        "feedback": "Cultures change and mix all the time.",
                    },
                    False,
                ),
                short(
                    "ic1-q5",
                    {
                        "text": "На коя дата е Международният ден на ромите? "
                        "Напишете деня и месеца, например „1 юни“.",
                        "accepted": ["8 април", "08 април", "8.04", "08.04"],
                        "feedback": "8 април — денят на Първия световен ромски конгрес през "
                        "1971 г.",
                    },
                    {
                        "text": "On what date is International Roma Day? "
                        "Write the day and month, for example “1 June”.",
                        "accepted": ["8 April", "April 8", "8.04", "08.04"],
                        "feedback": "8 April — the day of the First World Romani Congress in 1971.",
                    },
                ),
            ],
        },
        {
            "kind": "lesson",
            "slug": "ezikat-na-deteto",
            "bg": {
                "title": "Езикът на детето като опора",
                "body": [
                    p(
                        "Много деца говорят у дома романи или турски и учат български в "
                        "училище. Майчиният език не е пречка, а мост: детето, което може да "
                        "обясни нещо на своя език, вече го е разбрало."
                    ),
                    ul(
                        "Позволете на децата да си помагат на майчиния си език при групова работа.",
                        "Подготвяйте нагледни материали и речник с картинки.",
                        "Говорете бавно, но не опростявайте мисълта.",
                    ),
                ],
                "reflection_prompt": "Опишете ситуация, в която езикът на дете ви е помогнал "
                "или би могъл да ви помогне в урока.",
            },
            "en": {
                "title": "The child's language as support",
                "body": [
                    p(
                        "Many children speak Romani or Turkish at home and learn Bulgarian at "
                        "school. The mother tongue is not an obstacle but a bridge: a child who "
                        "can explain something in their own language has already understood it."
                    ),
                    ul(
                        "Let children help each other in their mother tongue during group work.",
                        "Prepare visual materials and a picture dictionary.",
                        "Speak slowly, but do not simplify the thinking.",
                    ),
                ],
                "reflection_prompt": "Describe a situation in which a child's language helped, "
                "or could have helped, you in a lesson.",
            },
        },
        {
            "kind": "lesson",
            "slug": "klas-bez-obidi",
            "bg": {
                "title": "Клас без обиди: как реагираме",
                "body": [
                    p(
                        "Обидна дума, казана в час, е послание към всички деца. Ако учителят "
                        "замълчи, класът научава, че това е допустимо."
                    ),
                    h("Четири стъпки"),
                    ul(
                        "Спрете веднага и назовете думата като неприемлива.",
                        "Подкрепете засегнатото дете — пред класа и насаме.",
                        "Поговорете с детето, което е обидило: какво е искало да каже?",
                        "Върнете темата в урока: откъде идват такива думи и как ни нараняват.",
                    ),
                ],
            },
            "en": {
                "title": "A class without slurs: how we respond",
                "body": [
                    p(
                        "A slur spoken in a lesson is a message to every child. If the teacher "
                        "stays silent, the class learns that it is acceptable."
                    ),
                    h("Four steps"),
                    ul(
                        "Stop at once and name the word as unacceptable.",
                        "Support the child who was hurt — in front of the class and in private.",
                        "Talk with the child who said it: what did they mean to say?",
                        "Bring the topic back into the lesson: where do such words come from "
                        "and how do they hurt?",
                    ),
                ],
            },
        },
        {
            "kind": "lesson",
            "slug": "planirane-na-interkulturen-urok",
            "bg": {
                "title": "Планиране на интеркултурен урок",
                "body": [
                    p(
                        "Добрият интеркултурен урок не е отделен „урок за различията“, а "
                        "обикновен урок, в който всяко дете се разпознава. Започнете от "
                        "учебната цел и попитайте: чий опит ще ми помогне да я постигна?"
                    ),
                    callout(
                        "Задача",
                        "Вземете урок, който ще преподавате следващата седмица, и "
                        "добавете към него един пример, една дума или една история от "
                        "света на вашите ученици.",
                    ),
                ],
                "reflection_prompt": "Кой урок избрахте и какво добавихте към него?",
            },
            "en": {
                "title": "Planning an intercultural lesson",
                "body": [
                    p(
                        "A good intercultural lesson is not a separate “lesson about "
                        "differences” but an ordinary lesson in which every child recognises "
                        "themselves. Start from the learning goal and ask: whose experience will "
                        "help me reach it?"
                    ),
                    callout(
                        "Task",
                        "Take a lesson you will teach next week and add one "
                        "example, one word or one story from your pupils' world.",
                    ),
                ],
                "reflection_prompt": "Which lesson did you choose and what did you add to it?",
            },
        },
        {
            "kind": "quiz",
            "slug": "zakluchitelen-test",
            "bg": {
                "title": "Заключителен тест",
                "introduction": "Четири въпроса върху уроците за езика, реакцията при "
                "обиди и планирането.",
            },
            "en": {
                "title": "Final quiz",
                "introduction": "Four questions on the lessons about language, responding "
                "to slurs and planning.",
            },
            "rules": {
                "pass_mark": 75,
                "attempts_allowed": 3,
                "counting": "best",
                "review_policy": "last",
                "shuffle_questions": True,
                "time_limit_minutes": 20,
                "questions_per_page": 2,
            },
            "questions": [
                single(
                    "ic2-q1",
                    {
                        "text": "Дете обижда съученик с етническо обръщение по време на час. "
                        "Кое е най-подходящото първо действие?",
                        "choices": [
                            "Да продължите урока, за да не давате внимание",
                            "Да спрете и да назовете думата като неприемлива",
                            "Да изпратите детето при директора без коментар",
                        ],
                        "feedback": "Мълчанието учи класа, че обидата е допустима; реакцията "
                        "трябва да е веднага и ясна.",
                    },
                    {
                        "text": "A child insults a classmate with an ethnic slur during a "
                        "lesson. What is the best first step?",
                        "choices": [
                            "Carry on with the lesson so as not to give it attention",
                            "Stop and name the word as unacceptable",
                            "Send the child to the principal without comment",
                        ],
                        "feedback": "Silence teaches the class that the slur is acceptable; "
                        "the response must be immediate and clear.",
                    },
                    1,
                ),
                multiple(
                    "ic2-q2",
                    {
                        "text": "Кои практики подкрепят деца, които учат български като "
                        "втори език?",
                        "choices": [
                            "Речник с картинки",
                            "Забрана да говорят на майчиния си език",
                            "Групова работа, в която си помагат на своя език",
                            "По-малко въпроси към тях, за да не ги затрудняваме",
                        ],
                        "feedback": "Нагледността и майчиният език помагат; забраните и "
                        "ниските очаквания пречат.",
                    },
                    {
                        "text": "Which practices support children learning Bulgarian as a "
                        "second language?",
                        "choices": [
                            "A picture dictionary",
                            "Forbidding them to speak their mother tongue",
                            "Group work in which they help each other in their language",
                            "Fewer questions to them, so as not to trouble them",
                        ],
                        "feedback": "Visual support and the mother tongue help; bans and low "
                        "expectations hold children back.",
                    },
                    [0, 2],
                ),
                true_false(
                    "ic2-q3",
                    {
                        "text": "Интеркултурният урок трябва винаги да е отделен урок за "
                        "различията.",
                        "feedback": "Най-добре работи обикновеният урок, в който всяко дете "
                        "се разпознава.",
                    },
                    {
                        "text": "An intercultural lesson must always be a separate lesson "
                        "about differences.",
                        "feedback": "What works best is an ordinary lesson in which every "
                        "child recognises themselves.",
                    },
                    False,
                ),
                short(
                    "ic2-q4",
                    {
                        "text": "Как се нарича езикът на ромите (една дума)?",
                        "accepted": ["романи", "романес", "ромски"],
                        "feedback": "Романи (романес, на самия език [rom]romani čhib[/rom]) е "
                        "индоарийски език с много диалекти.",
                    },
                    {
                        "text": "What is the language of the Roma called (one word)?",
                        "accepted": ["Romani", "Romanes"],
                        "feedback": "Romani (Romanes) is an Indo-Aryan language with many "
                        "dialects.",
                    },
                ),
            ],
        },
    ],
}

PARENTS = {
    "slug": "rabota-s-roditelite",
    "bg": {
        "title": "Работа с ромските родители за превенция на отпадането",
        "summary": "Доверие, редовна връзка и общи цели със семействата: как училището и "
        "родителите заедно задържат децата в клас.",
        "audience": "Класни ръководители, образователни медиатори, педагогически съветници и "
        "директори.",
        "outcomes": "<ul><li>разпознавате ранните сигнали за риск от отпадане;</li><li>водите "
        "разговор с родителите като партньори;</li><li>организирате среща или празник, на "
        "който родителите идват с желание.</li></ul>",
        "estimated_duration": "2 седмици",
        "programme_name": "",
    },
    "en": {
        "title": "Working with Roma parents to prevent dropping out",
        "summary": "Trust, regular contact and shared goals with families: how school and "
        "parents keep children in class together.",
        "audience": "Class teachers, educational mediators, school counsellors and principals.",
        "outcomes": "<ul><li>recognise the early signs of dropout risk;</li><li>talk with "
        "parents as partners;</li><li>organise a meeting or celebration parents are glad to "
        "attend.</li></ul>",
        "estimated_duration": "2 weeks",
        "programme_name": "",
    },
    "academic_hours": 8,
    "uin": "",
    "credits": None,
    "sequential": True,
    "steps": [
        {
            "kind": "lesson",
            "slug": "zashto-decata-otpadat",
            "bg": {
                "title": "Защо децата отпадат",
                "body": [
                    p(
                        "Отпадането рядко е внезапно. То започва с отсъствия в понеделник, с "
                        "неподготвени домашни, с дете, което спира да говори в час. Причините "
                        "често са няколко едновременно: бедност, сезонна работа на семейството, "
                        "ранен брак, неуспех в ученето, чувство, че в училище не си желан."
                    ),
                    ul(
                        "Следете отсъствията седмично, не само в края на срока.",
                        "Обръщайте внимание на внезапна промяна в поведението.",
                        "Питайте детето, преди да търсите вина у семейството.",
                    ),
                ],
            },
            "en": {
                "title": "Why children drop out",
                "body": [
                    p(
                        "Dropping out is rarely sudden. It starts with Monday absences, "
                        "unfinished homework, a child who stops speaking in class. Usually "
                        "several causes act together: poverty, the family's seasonal work, early "
                        "marriage, failure at learning, a feeling of not being wanted at school."
                    ),
                    ul(
                        "Check absences weekly, not only at the end of term.",
                        "Notice sudden changes in behaviour.",
                        "Ask the child before looking for blame in the family.",
                    ),
                ],
            },
        },
        {
            "kind": "lesson",
            "slug": "doverie-s-roditelite",
            "bg": {
                "title": "Доверието с родителите",
                "body": [
                    p(
                        "Много родители свързват училището само с лоши новини. Първото обаждане "
                        "от учителя може да е добра новина: „Днес Ивана прочете целия текст "
                        "сама.“ Така следващият, по-труден разговор започва от доверие."
                    ),
                    callout(
                        "Медиаторът",
                        "Образователният медиатор познава общността и "
                        "езика ѝ; поканете го в разговора от самото начало, а не едва "
                        "когато има проблем.",
                    ),
                ],
                "reflection_prompt": "Кога за последно съобщихте добра новина на родител? "
                "Напишете как бихте го направили тази седмица.",
            },
            "en": {
                "title": "Trust with parents",
                "body": [
                    p(
                        "Many parents associate school only with bad news. A teacher's first "
                        "call can be good news: “Today Ivana read the whole text on her own.” "
                        "Then the next, harder conversation starts from trust."
                    ),
                    callout(
                        "The mediator",
                        "The educational mediator knows the community and "
                        "its language; invite them into the conversation from the start, "
                        "not only when there is a problem.",
                    ),
                ],
                "reflection_prompt": "When did you last give a parent good news? Write how you "
                "would do it this week.",
            },
        },
        {
            "kind": "lesson",
            "slug": "razgovor-za-otsastviyata",
            "bg": {
                "title": "Разговор за отсъствията",
                "body": [
                    p(
                        "Разговорът за отсъствията е успешен, когато завършва с общ план, а не с "
                        "упрек. Изслушайте какво пречи на детето да идва, споделете какво "
                        "губи и договорете една конкретна стъпка."
                    ),
                    ul(
                        "Говорете на място и в час, удобни за родителя.",
                        "Избягвайте канцеларски език и заплахи със санкции.",
                        "Запишете договореното и се обадете след седмица.",
                    ),
                ],
            },
            "en": {
                "title": "Talking about absences",
                "body": [
                    p(
                        "A conversation about absences succeeds when it ends with a shared plan, "
                        "not a reproach. Listen to what keeps the child from coming, share what "
                        "they are missing and agree one concrete step."
                    ),
                    ul(
                        "Meet at a place and time that suit the parent.",
                        "Avoid officialese and threats of sanctions.",
                        "Write down what you agreed and call back after a week.",
                    ),
                ],
            },
        },
        {
            "kind": "lesson",
            "slug": "roditelite-v-uchilishte",
            "bg": {
                "title": "Родителите в училище",
                "body": [
                    p(
                        "Родителите идват там, където се чувстват полезни и уважавани. "
                        "Празник, на който децата показват какво са научили, работилница за "
                        "занаяти или общо почистване на двора събират повече семейства от "
                        "родителската среща с дълъг дневен ред."
                    ),
                ],
            },
            "en": {
                "title": "Parents at school",
                "body": [
                    p(
                        "Parents come where they feel useful and respected. A celebration where "
                        "children show what they have learnt, a crafts workshop or a shared "
                        "clean-up of the schoolyard brings more families than a parents' meeting "
                        "with a long agenda."
                    ),
                ],
            },
        },
        {
            "kind": "quiz",
            "slug": "test-rabota-s-roditelite",
            "bg": {
                "title": "Тест: работа с родителите",
                "introduction": "Четири въпроса върху курса.",
            },
            "en": {
                "title": "Quiz: working with parents",
                "introduction": "Four questions on the course.",
            },
            "rules": {
                "pass_mark": 75,
                "attempts_allowed": 3,
                "counting": "best",
                "review_policy": "passed",
            },
            "questions": [
                multiple(
                    "pr-q1",
                    {
                        "text": "Кои са ранни сигнали за риск от отпадане?",
                        "choices": [
                            "Чести отсъствия в началото на седмицата",
                            "Внезапно затваряне на детето в себе си",
                            "Участие в училищния хор",
                            "Постоянно неподготвени домашни",
                        ],
                        "feedback": "Отсъствията, промяната в поведението и пропуснатите "
                        "задачи често вървят заедно.",
                    },
                    {
                        "text": "Which are early signs of dropout risk?",
                        "choices": [
                            "Frequent absences at the start of the week",
                            "A child suddenly withdrawing",
                            "Singing in the school choir",
                            "Homework that is never done",
                        ],
                        "feedback": "Absences, a change in behaviour and missed work often "
                        "go together.",
                    },
                    [0, 1, 3],
                ),
                single(
                    "pr-q2",
                    {
                        "text": "С какво е добре да започне първият контакт с родител?",
                        "choices": [
                            "С добра новина за детето",
                            "Със списък на отсъствията",
                            "С напомняне за санкциите",
                        ],
                        "feedback": "Добрата новина изгражда доверие за следващите разговори.",
                    },
                    {
                        "text": "What is a good way to start the first contact with a parent?",
                        "choices": [
                            "With good news about the child",
                            "With a list of absences",
                            "With a reminder of the sanctions",
                        ],
                        "feedback": "Good news builds trust for the conversations that follow.",
                    },
                    0,
                ),
                true_false(
                    "pr-q3",
                    {
                        "text": "Образователният медиатор трябва да се включва само когато "
                        "вече има сериозен проблем.",
                        "feedback": "Медиаторът помага най-много, когато е част от връзката "
                        "със семейството от самото начало.",
                    },
                    {
                        "text": "The educational mediator should be involved only once "
                        "there is already a serious problem.",
                        "feedback": "The mediator helps most as part of the contact with "
                        "the family from the very start.",
                    },
                    False,
                ),
                short(
                    "pr-q4",
                    {
                        "text": "С какво трябва да завърши разговорът за отсъствията: с упрек "
                        "или с общ …? (една дума)",
                        "accepted": ["план", "общ план"],
                        "feedback": "С общ план и една договорена стъпка.",
                    },
                    {
                        "text": "How should a conversation about absences end: with a reproach "
                        "or with a shared …? (one word)",
                        "accepted": ["plan", "shared plan"],
                        "feedback": "With a shared plan and one agreed step.",
                    },
                ),
            ],
        },
    ],
}

COURSES = [INTERCULTURAL, PARENTS]
