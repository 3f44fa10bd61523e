# Собственные страницы Folio, по-русски: список статей, страница сохранённых, кнопка
# «Сохранить для чтения офлайн» и то, что видит читатель, когда показать не удаётся.
# $site — адрес, $name — что искали, $number — число, $value — размер («4 МиБ»),
# $reason — причина; адреса и подробности, которые Folio даёт по-английски, показываются как есть.

# Список статей.
catalog-title = Статьи
catalog-page-title = Folio — статьи
catalog-description = Статьи, которые можно прочитать в Folio.
catalog-picture-unavailable = Иллюстрация недоступна

# Страница сохранённых статей (список заполняет офлайн-скрипт страницы).

# Кнопка статьи.
save-offline = Сохранить для чтения офлайн

# Когда показать не удаётся.
failure-loading = Статья загружается…
failure-retry = Повторить
failure-see-all = Ко всем статьям
failure-not-found = Статья не найдена
failure-not-found-detail = Не удалось найти: { $name }. Возможно, материал перенесли или удалили.
failure-server = Сбой на сервере
failure-server-detail = Сервер ответил ошибкой { $number } на запрос { $site }. Попробуйте ещё раз чуть позже.
failure-offline = Похоже, нет подключения к сети
failure-offline-detail = Folio не удалось связаться с { $site }. Проверьте подключение и попробуйте ещё раз.
# $name — ссылка на страницу «Сохранённые статьи».
failure-offline-saved = Сохранённые статьи открываются без сети: { $name }
failure-timeout = Загрузка идёт слишком долго
failure-timeout-detail = Нет ответа от { $site } за { $number ->
    [one] { $number } секунду
    [few] { $number } секунды
    [many] { $number } секунд
   *[other] { $number } секунды
}. Возможно, соединение медленное; попробуйте ещё раз.
failure-invalid = Эту статью нельзя показать
failure-invalid-detail = Есть ошибки, которые должен исправить издатель ({ $name }):
failure-unsupported = Для этой статьи нужна более новая версия Folio
failure-refused = Статья не загружена
failure-refused-detail = Folio не стал загружать { $site }. Причина: { $reason }.
failure-too-large = Файл слишком большой
failure-too-large-detail = Folio остановил загрузку { $site }: файл больше { $value } — предела, который Folio читает для такого файла, чтобы не заполнять им телефон читателя. Издателю нужно уменьшить файл.
failure-aborted = Загрузка остановлена
failure-aborted-detail = Загрузка была прервана.
failure-mib = { $number } МиБ
failure-kib = { $number } КиБ
failure-bytes = { $number ->
    [one] { $number } байт
    [few] { $number } байта
    [many] { $number } байт
   *[other] { $number } байта
}
