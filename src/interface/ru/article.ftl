# Слова самого Folio внутри статьи, по-русски.

published = Опубликовано
updated = Обновлено
reading-time = { $minutes ->
    [one] { $minutes } минута чтения
    [few] { $minutes } минуты чтения
    [many] { $minutes } минут чтения
   *[other] { $minutes } минуты чтения
}
older-than = Этой статье больше { $years ->
    [one] { $years } года
    [few] { $years } лет
    [many] { $years } лет
   *[other] { $years } года
}.
safety-pointer = Прочтите памятку о безопасности для читателей этой статьи
notice-legal = Правовая информация
notice-safety = Памятка о безопасности
notice-correction = Исправление
notice-editors-note = От редакции
related = По теме
topics = Темы
source = Источник:
footnotes = Примечания
footnote = Примечание { $number }
back-to-reference = Назад к ссылке { $number }
unrendered-html = Неотображённый HTML
done = Выполнено
not-done = Не выполнено
table = Таблица
opens-in-new-tab = (откроется в новой вкладке)
image = Изображение:
credit = Фото:
image-unavailable = Изображение недоступно

# Страница вокруг статьи.
skip-to-content = Перейти к содержанию
saved-articles = Сохранённые статьи
site-footer = Folio показывает пакеты статей. Каждая статья указывает свой источник.
read-on = Читать статью целиком на { $site }
reading-tools = Инструменты чтения
